/**
 * The rating faces, drawn inline (no image files, nothing for the CSP to allow): a smile that turns into a
 * frown from the best level to the worst, on a colour from green to red. Colour is never the only cue: the
 * mouth's shape and the level's label say the same.
 */

/** Face colours, best first, for 2–5 levels: dark enough for the white features (contrast ≥ 3:1). */
const PALETTES: Readonly<Record<number, readonly string[]>> = {
  2: ['#1b7a3a', '#b3261e'],
  3: ['#1b7a3a', '#8a6d00', '#b3261e'],
  4: ['#1b7a3a', '#4f7a12', '#a65d00', '#b3261e'],
  5: ['#1b7a3a', '#4f7a12', '#8a6d00', '#b54a00', '#b3261e'],
};

/** Colour of the level at `index` (0 = best) on a scale of `count` levels. */
export function faceColour(index: number, count: number): string {
  const p = PALETTES[count] ?? PALETTES[5]!;
  return p[Math.min(index, p.length - 1)]!;
}

/** Mouth curvature from +1 (broad smile) for the best level to −1 (frown) for the worst. */
export function mouthCurve(index: number, count: number): number {
  return count <= 1 ? 1 : 1 - (2 * index) / (count - 1);
}

export function Face(props: { index: number; count: number }) {
  const curve = mouthCurve(props.index, props.count);
  // The mouth: a quadratic curve whose control point sits below (smile) or above (frown) its ends.
  const y = 66 - curve * 4;
  const control = y + curve * 22;
  return (
    <svg class="d-face" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" fill={faceColour(props.index, props.count)} />
      <circle cx="35" cy="40" r="7" fill="#fff" />
      <circle cx="65" cy="40" r="7" fill="#fff" />
      <path
        d={`M 28 ${y} Q 50 ${control} 72 ${y}`}
        fill="none"
        stroke="#fff"
        stroke-width="7"
        stroke-linecap="round"
      />
    </svg>
  );
}
