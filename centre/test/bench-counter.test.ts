/** `motcua bench counter`'s command entry: bad flags are refused with the usage, before anything starts. */
import { describe, expect, it } from 'vitest';
import { benchCounter } from '../src/bench/counter.js';

describe('benchCounter (command entry)', () => {
  it.each([[['--presses', '0']], [['--presses', 'x']], [['--slowdown', '-2']], [['--presses', '9999']]])(
    'refuses %j with exit 2 and the usage',
    async (argv) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await benchCounter(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
      expect(code).toBe(2);
      expect(out).toEqual([]);
      expect(err.join('')).toContain('usage: motcua bench counter');
    },
  );
});
