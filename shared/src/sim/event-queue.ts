/**
 * The discrete-event simulation's agenda: a binary heap of (time, payload), earliest first; events at the same
 * instant come out in the order they were pushed, so a run is deterministic for a seed. Times are rounded to
 * whole milliseconds, as the event store's clock and stamps expect.
 */
export class EventQueue<T> {
  private readonly heap: { t: number; seq: number; v: T }[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(t: number, v: T): void {
    const h = this.heap;
    h.push({ t: Math.round(t), seq: this.seq++, v });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  pop(): [number, T] | undefined {
    const h = this.heap;
    const top = h[0];
    if (top === undefined) return undefined;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(l, m)) m = l;
        if (r < h.length && this.less(r, m)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return [top.t, top.v];
  }

  private less(i: number, j: number): boolean {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }
}
