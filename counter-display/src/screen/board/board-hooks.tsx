/**
 * The board's layout helpers: the screen's clock (the runtime's hub-following time, ticking here), paging of
 * lists that do not fit, shrinking a text that would not fit its box, and the reduced-motion preference.
 * (.tsx: these use the DOM, which the Node project's type check does not include.)
 */
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** The board's clock: the runtime's `now` when the last view came, carried on by this page's clock. */
export function useBoardClock(viewNow: number): () => number {
  const offset = useRef(0);
  useEffect(() => {
    offset.current = viewNow - Date.now();
  }, [viewNow]);
  return () => Date.now() + offset.current;
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

/**
 * Shrinks `el`'s font until its text fits its box (never below `minRatio` of the styled size), so a name or a
 * number longer than the layout planned for is smaller, never cut. Most texts fit at once: one measurement.
 */
export function fitText(el: HTMLElement, minRatio: number): void {
  el.style.fontSize = '';
  const base = parseFloat(getComputedStyle(el).fontSize);
  let size = base;
  while ((el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight) && size > base * minRatio) {
    size *= 0.92;
    el.style.fontSize = `${size.toFixed(1)}px`;
  }
}

/** Fits every `[data-fit]` element under `root` whenever `key` changes. */
export function useFitAll(root: RefObject<HTMLElement | null>, key: string): void {
  useLayoutEffect(() => {
    const r = root.current;
    if (r === null) return;
    for (const el of Array.from(r.querySelectorAll<HTMLElement>('[data-fit]')))
      fitText(el, Number(el.dataset.fit ?? '0.5'));
  }, [key]);
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
