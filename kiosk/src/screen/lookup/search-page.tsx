import { useMemo } from 'preact/hooks';
import { Keyboard, useT } from '@motcua/shared/ui';
import { lookupMessages } from './lookup-messages.js';
import type { LoadedCatalogue } from './app.js';

/** Results shown at once: as many as fit beside the keyboard at 1080p without scrolling (no swipe). */
const SHOWN = 7;

export function SearchPage(props: {
  loaded: LoadedCatalogue;
  query: string;
  onQuery: (q: string) => void;
  onOpen: (id: string) => void;
}) {
  const t = useT(lookupMessages);
  const hits = useMemo(() => props.loaded.index.search(props.query, SHOWN), [props.loaded, props.query]);
  const areaOf = useMemo(
    () => new Map(props.loaded.data.catalogue.procedures.map((p) => [p.id, p.areaId])),
    [props.loaded],
  );
  return (
    <div class="lk-search">
      <div class="lk-search__input">
        <div class="mc-field">
          <label for="lk-query">{t('searchLabel')}</label>
          <input id="lk-query" class="mc-input" readOnly value={props.query} data-testid="query" />
        </div>
        <Keyboard mode="search" value={props.query} onInput={props.onQuery} />
      </div>
      <div class="lk-results" aria-live="polite" data-testid="results">
        {props.query.trim().length < 2 ? (
          <p class="lk-note">{t('searchHint')}</p>
        ) : hits.length === 0 ? (
          <p class="lk-note">{t('noResults')}</p>
        ) : (
          <ul class="lk-list">
            {hits.map((h) => {
              const place = props.loaded.data.places[areaOf.get(h.id) ?? ''];
              return (
                <li key={h.id}>
                  <button
                    type="button"
                    class="mc-button lk-result"
                    data-testid="result"
                    onClick={() => {
                      props.onOpen(h.id);
                    }}
                  >
                    <span class="lk-result__name">{h.name}</span>
                    {place !== undefined && <span class="lk-result__area">{place.areaName}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
