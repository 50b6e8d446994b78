/**
 * The board's voice in browser mode, in real Chromium (`--autoplay-policy=no-user-gesture-required`, as on the
 * device): calls made at counters are rendered by the board's runtime from a (small) espeak-ng voice pack, and
 * played by the board's page through Web Audio. What the page played is captured from inside it: every buffer
 * source started (its samples' RMS, start and end on the AudioContext's clock) and an analyser on it that
 * proves the graph carried sound. Checked: one announcement per call (a recall again), in call order, one
 * after the other without overlap, not silent, each exactly the announcement the runtime rendered.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newScreenPage } from '@motcua/testing/chromium';
import { phraseFor } from '../../src/voice/announcement.js';
import { buildVoicePack } from '../../src/voice/pack-builder.js';
import type { HallBoardView } from '../../src/runtime/board.js';
import type { CounterCommands } from '../../src/runtime/counter.js';
import { counterTestConfig, eventually, startCounterRig, type CounterScreenRig } from './harness.js';
import { openCounter, startIssuer, type Issuer } from './board-helpers.js';

/** Installed before the board's scripts: records every buffer source the page starts. */
const CAPTURE = `(() => {
  window.__plays = [];
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (...args) {
    const ctx = this.context;
    const data = this.buffer.getChannelData(0);
    let sum = 0;
    for (let i = 0; i < data.length; i++) sum += data[i] * data[i];
    const rec = {
      length: this.buffer.length,
      duration: this.buffer.duration,
      rms: Math.sqrt(sum / Math.max(1, data.length)),
      startedAt: ctx.currentTime,
      endedAt: null,
      heardPeak: 0,
    };
    window.__plays.push(rec);
    const analyser = ctx.createAnalyser();
    this.connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    const look = setInterval(() => {
      analyser.getFloatTimeDomainData(buf);
      for (const x of buf) rec.heardPeak = Math.max(rec.heardPeak, Math.abs(x));
    }, 30);
    this.addEventListener('ended', () => {
      rec.endedAt = ctx.currentTime;
      clearInterval(look);
    });
    return start.apply(this, args);
  };
})()`;

interface Play {
  readonly length: number;
  readonly duration: number;
  readonly rms: number;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly heardPeak: number;
}

// The recall comes seconds after the call: no recall interval here (the panel's tests cover it).
const config = counterTestConfig({ voice: { repeat: 1 }, counterPanel: { recallIntervalS: 0 } });
let rig: CounterScreenRig;
let issuer: Issuer;
let packDir: string;
let c1: CounterCommands;
let c2: CounterCommands;
let page: Page;
let views: HallBoardView[];

beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), 'motcua-board-pack-'));
  // Only the clips these calls need: the whole default pack takes 6–30 s to speak.
  const calls = [
    { display: '1001', counterId: 'c1', counterNumber: 1 },
    { display: '2001', counterId: 'c2', counterNumber: 2 },
  ];
  const chunks = new Set(calls.flatMap((c) => phraseFor(c, 'vi', config.voice).chunks));
  const built = buildVoicePack({
    dir: packDir,
    clips: [...chunks].map((text) => ({ lang: 'vi' as const, text })),
    dialect: config.voice.dialect,
  });
  rig = await startCounterRig({ config, chromiumArgs: ['--autoplay-policy=no-user-gesture-required'] });
  await built;
  issuer = await startIssuer(rig);
  [c1, c2] = await Promise.all([openCounter(rig, 'c1', 'o1'), openCounter(rig, 'c2', 'o2')]);
  const board = await rig.start({ role: 'board' }, { extra: { voice: { packDir } } });
  views = [];
  board.device.subscribe((v) => views.push(v as HallBoardView));
  page = await newScreenPage(rig.browser);
  await page.addInitScript(CAPTURE);
  await page.goto(board.url);
  await eventually(async () =>
    expect(await page.locator('.b-board[data-role="board"] .b-head').count()).toBe(1),
  );
}, 120_000);
afterAll(async () => {
  await issuer.core.stop();
  await rig.close();
  await rm(packDir, { recursive: true, force: true });
});

const plays = (): Promise<Play[]> => page.evaluate<Play[]>('window.__plays');

describe('the board plays each call through Web Audio', () => {
  it('chime and phrase per call, a recall again, in order, never overlapping, not silent', async () => {
    await issuer.issue('a');
    await issuer.issue('b');
    expect((await c1.next()).ok).toBe(true);
    // while 1001 plays: a call at counter 2 and a recall at counter 1 wait their turn
    await eventually(async () => expect((await plays()).length).toBe(1), 15_000);
    expect((await c2.next()).ok).toBe(true);
    expect((await c1.recall()).ok).toBe(true);

    await eventually(async () => {
      const p = await plays();
      expect(p.length).toBe(3);
      expect(p.every((x) => x.endedAt !== null)).toBe(true);
    }, 40_000);
    const p = await plays();
    const last = views[views.length - 1]!;
    // exactly what the runtime rendered, call by call, in order
    expect(last.voice.recent.map((r) => [r.display, r.counterNumber, r.recall])).toEqual([
      ['1001', 1, false],
      ['2001', 2, false],
      ['1001', 1, true],
    ]);
    expect(p.map((x) => x.length)).toEqual(last.voice.recent.map((r) => r.samples));
    for (const [i, x] of p.entries()) {
      expect(x.duration, `play ${i} lasts`).toBeGreaterThan(1.5); // chime 1.3 s + a phrase
      expect(x.rms, `play ${i} samples`).toBeGreaterThan(0.01);
      expect(x.heardPeak, `play ${i} through the graph`).toBeGreaterThan(0.05);
      expect(x.endedAt! - x.startedAt, `play ${i} played to its end`).toBeGreaterThanOrEqual(
        x.duration - 0.05,
      );
      if (i > 0)
        expect(x.startedAt, `play ${i} after play ${i - 1}`).toBeGreaterThanOrEqual(p[i - 1]!.endedAt!);
    }
    // spoken from clips (no espeak-ng fallback), nothing lost on the way to the page
    expect(last.voice.mode).toBe('voice');
    expect(last.voice.health).toMatchObject({ fallbackPhrases: 0, outputErrors: 0, supersededCalls: 0 });
  }, 90_000);
});
