/**
 * Seeded randomness for tests: a device's reconnect jitter (DeviceSync's `random`) drawn from the run's seed and
 * the device's name, so the only unseeded thing left in a run is the OS's timing. MOTCUA_TEST_SEED replays one.
 */
import { Prng } from '@motcua/shared/sim/prng';

export const TEST_SEED = Number(process.env.MOTCUA_TEST_SEED ?? 20_261_201);

/** A random source in [0, 1) for `key` (a device id, plus a counter when one device is opened again). */
export function seededRandom(key: string, seed = TEST_SEED): () => number {
  let h = seed | 0;
  for (const ch of key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  const r = new Prng(h);
  return () => r.next();
}
