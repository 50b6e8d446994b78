/** The panel's countdowns (PIN lock, recall) from the seconds a view carried and the page's ticking clock. */
import { describe, expect, it } from 'vitest';
import { secondsLeft } from '../../src/screen/panel/reasons.js';

describe('secondsLeft', () => {
  it('counts down from the view: 60 s received, 0.5 s and 59.2 s later', () => {
    expect(secondsLeft(10_000, 60, 10_500)).toBe(60);
    expect(secondsLeft(10_000, 60, 69_200)).toBe(1);
    expect(secondsLeft(10_000, 60, 70_000)).toBe(0);
    expect(secondsLeft(10_000, 60, 90_000)).toBe(0);
  });

  it('nothing to wait stays nothing when the ticking clock is a tick older than the view', () => {
    // The page's clock ticks every 250 ms; a view can arrive between two ticks. Before this was handled, an
    // officer with no lock read "try again in 1 s" and the PIN form refused to submit (a flaky panel test).
    expect(secondsLeft(10_000, 0, 9_800)).toBe(0);
    expect(secondsLeft(10_000, 5, 9_800)).toBe(5);
  });
});
