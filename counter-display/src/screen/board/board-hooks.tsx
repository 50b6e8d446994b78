/**
 * The board's layout helpers: the screen's clock (the runtime's hub-following time, ticking here), paging of
 * lists that do not fit, shrinking a text that would not fit its box, and the reduced-motion preference.
 * (.tsx: these use the DOM, which the Node project's type check does not include.)
 */
import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** The board's clock: the runtime's `now` when the last view came, carried on by this page's clock. */
export function useBoardClock(viewNow: number): () => number {
  const offset = useRef(0);
  useEffect(() => {
    offset.current = viewNow - Date.now();
  }, [viewNow]);
  // One function for the page's life: the clock's ticking effect depends on it and need not restart per view.
  return useCallback(() => Date.now() + offset.current, []);
}

/** A counter bumped on every window resize, so that measured layouts are measured again. */
export function useResizeTick(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const on = (): void => setTick((t) => t + 1);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return tick;
}

export function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = (): void => setReduced(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return reduced;
}

const overflows = (el: HTMLElement): boolean =>
  el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight;

/** What each element was last fitted for (its text and box): unchanged, it keeps its size, unmeasured. */
const fitted = new WeakMap<HTMLElement, string>();
const fitKey = (el: HTMLElement): string =>
  `${String(el.clientWidth)}x${String(el.clientHeight)}|${el.textContent}`;

/**
 * Shrinks each element's font until its text fits its box (never below its `minRatio` of the styled size), so
 * a name or a number longer than the layout planned for is smaller, never cut.
 *
 * Reading a size after a style change forces the browser to lay the page out again. Fitting the board's two
 * dozen texts one by one, each from its full size down in 8 % steps, cost dozens of layouts on every call (tens
 * of milliseconds between the call and the number on screen). So: texts whose text and box are as they were
 * at their last fit are left alone; the others are reset, measured and stepped down together, one layout a
 * round.
 */
export function fitTexts(items: readonly { readonly el: HTMLElement; readonly minRatio: number }[]): void {
  const todo = items.filter(({ el }) => fitted.get(el) !== fitKey(el));
  for (const { el } of todo) el.style.fontSize = '';
  const base = todo.map(({ el }) => parseFloat(getComputedStyle(el).fontSize));
  const size = [...base];
  let pending = todo.flatMap((it, i) => (overflows(it.el) ? [i] : []));
  while (pending.length > 0) {
    const shrunk = pending.filter((i) => size[i]! > base[i]! * todo[i]!.minRatio);
    for (const i of shrunk) {
      size[i] = size[i]! * 0.92;
      todo[i]!.el.style.fontSize = `${size[i].toFixed(1)}px`;
    }
    pending = shrunk.filter((i) => overflows(todo[i]!.el));
  }
  for (const { el } of todo) fitted.set(el, fitKey(el));
}

/** Roots whose texts are due a fit, gathered over one render so that they are fitted together. */
const dueFits = new Set<HTMLElement>();

function fitDue(): void {
  if (dueFits.size === 0) return;
  const items = [...dueFits].flatMap((root) =>
    Array.from(root.querySelectorAll<HTMLElement>('[data-fit]'), (el) => ({
      el,
      minRatio: Number(el.dataset.fit ?? '0.5'),
    })),
  );
  dueFits.clear();
  fitTexts(items);
}

/**
 * Fits every `[data-fit]` element under `root` whenever `key` changes. The fit is done by the next
 * useFitFlush of the render (the page's top component declares it last, and React-style layout effects run
 * children first), so a call that changes texts in three places lays the page out once, not three times; a
 * component that renders alone is fitted in a microtask.
 */
export function useFitAll(root: RefObject<HTMLElement | null>, key: string): void {
  useLayoutEffect(() => {
    const r = root.current;
    if (r === null) return;
    dueFits.add(r);
    queueMicrotask(fitDue);
  }, [key]);
}

/** Fits what the render's useFitAll hooks asked for, before the browser paints. */
export function useFitFlush(): void {
  useLayoutEffect(fitDue);
}

/**
 * Pages through `count` items laid out in a CSS grid of fixed-height cells: as many per page as fit the
 * container (measured from the first cell and the grid's columns), each page shown `pageS` seconds.
 * `focus` (an item index, with a key that changes on each new focus) jumps to that item's page and restarts
 * the timer: the counter just called is on screen.
 */
export function usePager(
  container: RefObject<HTMLElement | null>,
  count: number,
  pageS: number,
  resizeTick: number,
  focus: { readonly index: number; readonly key: string } | null,
): { readonly start: number; readonly end: number; readonly page: number; readonly pages: number } {
  const [capacity, setCapacity] = useState(Number.POSITIVE_INFINITY);
  const [page, setPage] = useState(0);
  const [timerKey, setTimerKey] = useState(0);

  useLayoutEffect(() => {
    const el = container.current;
    const first = el?.firstElementChild;
    if (!el || !first) return;
    const style = getComputedStyle(el);
    const cols = style.gridTemplateColumns.split(' ').filter((s) => s !== '').length || 1;
    const gap = parseFloat(style.rowGap) || 0;
    const cellH = first.getBoundingClientRect().height;
    const rows = Math.max(1, Math.floor((el.clientHeight + gap + 0.5) / (cellH + gap)));
    setCapacity((c) => (c === cols * rows ? c : cols * rows));
  });
  useLayoutEffect(() => setCapacity(Number.POSITIVE_INFINITY), [resizeTick]);

  const cap = Math.max(1, Math.min(capacity, count || 1));
  const pages = Math.max(1, Math.ceil(count / cap));
  const current = Math.min(page, pages - 1);

  const focusKey = focus?.key;
  useEffect(() => {
    if (focus === null || !Number.isFinite(capacity)) return;
    setPage(Math.floor(focus.index / cap));
    setTimerKey((k) => k + 1);
  }, [focusKey, cap]);

  useEffect(() => {
    if (pages <= 1) return;
    const t = setInterval(() => setPage((p) => (p + 1) % pages), pageS * 1000);
    return () => clearInterval(t);
  }, [pages, pageS, timerKey]);

  return { start: current * cap, end: Math.min(count, (current + 1) * cap), page: current, pages };
}
