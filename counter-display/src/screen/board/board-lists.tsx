/** The board's lists: the counters' tiles, the number being called, the last calls, the waiting per area. */
import { useRef } from 'preact/hooks';
import { translate } from '@motcua/shared/ui/i18n';
import type { BoardAreaView, BoardCallView, BoardCounterView } from './api.js';
import { useFitAll, usePager } from './board-hooks.js';
import { boardMessages, type BoardKey } from './messages.js';

export const vi = (k: BoardKey, p?: Readonly<Record<string, string | number>>): string =>
  translate(boardMessages, 'vi', k, p);
export const en = (k: BoardKey, p?: Readonly<Record<string, string | number>>): string =>
  translate(boardMessages, 'en', k, p);

/** A heading in Vietnamese with its English under it, smaller. */
export function Heading(props: { k: BoardKey; id?: string }) {
  return (
    <h2 class="b-h" id={props.id}>
      {vi(props.k)}{' '}
      <span class="b-h__en" lang="en">
        {en(props.k)}
      </span>
    </h2>
  );
}

function PageNo(props: { page: number; pages: number }) {
  if (props.pages <= 1) return null;
  return <p class="b-pageno">{vi('page', { i: props.page + 1, n: props.pages })}</p>;
}

export function CounterGrid(props: {
  counters: readonly BoardCounterView[];
  areaName: (id: string) => string;
  highlighted: { readonly counterNumber: number; readonly key: string } | null;
  pageS: number;
  resizeTick: number;
}) {
  const grid = useRef<HTMLDivElement>(null);
  const hl = props.highlighted;
  const focusIndex = hl === null ? -1 : props.counters.findIndex((c) => c.number === hl.counterNumber);
  const pager = usePager(
    grid,
    props.counters.length,
    props.pageS,
    props.resizeTick,
    hl === null || focusIndex < 0 ? null : { index: focusIndex, key: hl.key },
  );
  const shown = props.counters.slice(pager.start, pager.end);
  useFitAll(
    grid,
    `${String(props.resizeTick)}|${shown.map((c) => `${c.id}:${c.current?.display ?? ''}`).join(',')}`,
  );
  return (
    <section class="b-counters" aria-labelledby="b-counters-h">
      <h2 class="b-sr" id="b-counters-h">
        {vi('counter')}
      </h2>
      <div class="b-grid" ref={grid}>
        {shown.map((c) => {
          const lit = hl !== null && hl.counterNumber === c.number;
          const name = c.name ?? c.areas.map(props.areaName).join(' · ');
          return (
            <article
              key={c.id}
              class={lit ? 'b-tile b-tile--hl' : 'b-tile'}
              data-counter={c.number}
              data-highlight={lit ? 'true' : undefined}
            >
              <p class="b-tile__label">{vi('counterNo', { n: c.number })}</p>
              <p class="b-tile__name" data-fit="0.6">
                {name}
              </p>
              {c.status === 'paused' ? (
                <p class="b-tile__state">{vi('paused')}</p>
              ) : c.current === null ? (
                <p class="b-tile__state">{vi('idle')}</p>
              ) : (
                <p class="b-tile__num b-num" data-fit="0.6">
                  {c.current.display}
                </p>
              )}
            </article>
          );
        })}
      </div>
      <PageNo page={pager.page} pages={pager.pages} />
    </section>
  );
}

export function NowCalling(props: { call: BoardCallView | null; lit: boolean }) {
  const box = useRef<HTMLElement>(null);
  useFitAll(box, props.call?.display ?? '');
  const c = props.call;
  return (
    <section
      class={props.lit ? 'b-now b-now--hl' : 'b-now'}
      ref={box}
      aria-labelledby="b-now-h"
      data-highlight={props.lit ? 'true' : undefined}
    >
      <Heading k="nowCalling" id="b-now-h" />
      {c === null ? (
        <p class="b-now__none">{vi('noneYet')}</p>
      ) : (
        <div role="status" aria-live="polite">
          <p class="b-now__num b-num" data-fit="0.5">
            {c.display}
          </p>
          <p class="b-now__counter">{vi('counterNo', { n: c.counterNumber })}</p>
        </div>
      )}
    </section>
  );
}

export function LastCalls(props: { calls: readonly BoardCallView[] }) {
  return (
    <section class="b-last" aria-labelledby="b-last-h">
      <Heading k="lastCalls" id="b-last-h" />
      <ol class="b-last__list">
        {props.calls.map((c) => (
          <li key={`${c.ticketId}@${String(c.at)}`} class="b-last__row">
            <span class="b-last__num b-num">{c.display}</span>
            <span class="b-last__counter">{vi('counterNo', { n: c.counterNumber })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function Waiting(props: { areas: readonly BoardAreaView[]; pageS: number; resizeTick: number }) {
  const list = useRef<HTMLUListElement>(null);
  const pager = usePager(list, props.areas.length, props.pageS, props.resizeTick, null);
  const shown = props.areas.slice(pager.start, pager.end);
  useFitAll(list, `${String(props.resizeTick)}|${shown.map((a) => a.id).join(',')}`);
  return (
    <section class="b-wait" aria-labelledby="b-wait-h">
      <Heading k="waiting" id="b-wait-h" />
      <ul class="b-wait__list" ref={list}>
        {shown.map((a) => (
          <li key={a.id} class="b-wait__row" data-area={a.id}>
            <span class="b-wait__name" data-fit="0.75">
              {a.name}
            </span>
            <span class="b-wait__n">{vi('waitingCount', { n: a.waiting })}</span>
          </li>
        ))}
      </ul>
      <PageNo page={pager.page} pages={pager.pages} />
    </section>
  );
}
