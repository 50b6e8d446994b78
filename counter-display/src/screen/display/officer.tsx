import type { DisplayOfficer } from './api.js';

/** How many circle colours display.css defines (`d-officer__initials--0` …); white on each passes WCAG AA. */
const INITIAL_COLOURS = 6;

/** A stable colour per officer (a class, not an inline style: the CSP allows no inline styles). */
export function initialsColour(officerId: string): number {
  let h = 0;
  for (const ch of officerId) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h % INITIAL_COLOURS;
}

/** The officer's photo, or their initials in a coloured circle; then name and title. */
export function OfficerCard(props: { officer: DisplayOfficer; label: string }) {
  const o = props.officer;
  const name = o.name ?? o.id;
  return (
    <section class="d-officer" aria-label={props.label} data-testid="officer">
      {o.photo === null ? (
        <div
          class={`d-officer__initials d-officer__initials--${initialsColour(o.id)}`}
          aria-hidden="true"
          data-testid="officer-initials"
        >
          {o.initials}
        </div>
      ) : (
        <img class="d-officer__photo" src={o.photo} alt={name} data-testid="officer-photo" />
      )}
      <div class="d-officer__text">
        <p class="d-officer__label">{props.label}</p>
        <p class="d-officer__name" data-testid="officer-name">
          {name}
        </p>
        {o.title !== null && (
          <p class="d-officer__title" data-testid="officer-title">
            {o.title}
          </p>
        )}
      </div>
    </section>
  );
}
