/**
 * `npm start` (= `motcua demo`) as a newcomer runs it: a real process on a fresh data folder, every printed URL
 * reached, the simulator issuing and calling numbers, Ctrl+C stopping everything, and a second start resuming
 * the same day (numbering goes on, nothing issued twice).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/motcua.js', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

interface Run {
  readonly child: ChildProcess;
  out(): string;
  /** Resolves when the output matches. */
  until(re: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
}

/** Started as `npm start` starts it: no --data, so the default `.motcua` relative to the working folder `cwd`. */
function start(cwd: string): Run {
  const child = spawn(
    process.execPath,
    [bin, 'demo', '--port-base', '0', '--mqtt-port', '0', '--speed', '200', '--counters', '3'],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd },
  );
  children.push(child);
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  return {
    child,
    out: () => out,
    until: (re, timeoutMs) =>
      new Promise((resolve, reject) => {
        const t0 = Date.now();
        const look = (): void => {
          const m = re.exec(out);
          if (m) resolve(m);
          else if (child.exitCode !== null)
            reject(new Error(`demo exited ${String(child.exitCode)}:\n${out}`));
          else if (Date.now() - t0 > timeoutMs)
            reject(new Error(`timed out waiting for ${String(re)}:\n${out}`));
          else setTimeout(look, 100);
        };
        look();
      }),
  };
}

const stop = (run: Run): Promise<number | null> =>
  new Promise((resolve) => {
    run.child.on('exit', resolve);
    run.child.kill('SIGINT');
  });

const issued = (out: string): number[] =>
  [...out.matchAll(/kiosk-\d: số (\d+) — Hộ tịch/g)].map((m) => Number(m[1]));

describe('motcua demo (npm start)', () => {
  it('serves every screen it prints, runs the hall, stops on Ctrl+C and resumes the day', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'motcua-demo-'));
    const data = join(cwd, '.motcua');
    const first = start(cwd);
    await first.until(/Press Ctrl\+C/, 120_000);
    const urls = [...first.out().matchAll(/^\s+(http:\/\/127\.0\.0\.1:\d+\/)\s+(.+)$/gm)].map((m) => ({
      url: m[1]!,
      name: m[2]!,
    }));
    // the dashboard, two kiosks, the look-up terminal, the hall board, and a panel and a citizen display per counter
    expect(urls.length).toBe(1 + 2 + 1 + 1 + 2 * 3);
    for (const { url, name } of urls) {
      const r = await fetch(url);
      expect(r.status, name).toBe(200);
      const html = await r.text();
      expect(html, name).toContain('<div id="app">');
      expect(r.headers.get('content-security-policy'), name).toContain("script-src 'self'");
    }
    // the simulator takes numbers and officers call them
    await first.until(/MỜI CÔNG DÂN CÓ SỐ \d+ — QUẦY \d+/, 60_000);
    await first.until(/kiosk-\d: số \d+ — Hộ tịch/, 60_000);
    const before = issued(first.out());
    expect(await stop(first)).toBe(0);
    expect(first.out()).toContain('demo stopped');
    // each printed ticket was saved as a picture
    expect(readdirSync(join(data, 'tickets')).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);

    const second = start(cwd);
    await second.until(/kiosk-\d: số \d+ — Hộ tịch/, 120_000);
    const after = issued(second.out());
    // the same business day: numbering goes on from where it stopped
    expect(Math.min(...after)).toBeGreaterThan(Math.max(...before));
    expect(await stop(second)).toBe(0);
  }, 300_000);
});
