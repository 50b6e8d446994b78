/**
 * A chime made in code (pure, no sox): what the board plays for every call when no voice pack is installed,
 * so that a call is never silent. The same two falling tones as the default pack's sox chime (880 Hz, then
 * F5), each with a 5 ms attack and a decay to silence, so neither edge clicks.
 */

const TONES: readonly { readonly hz: number; readonly s: number }[] = [
  { hz: 880, s: 0.5 },
  { hz: 698.46, s: 0.8 },
];
/** About −12 dBFS peak: as loud as the prepared clips' −20 dBFS RMS, with head-room. */
const AMPLITUDE = 0.25 * 32767;

export function synthChime(sampleRate: number): Int16Array {
  const lengths = TONES.map((t) => Math.round(t.s * sampleRate));
  const out = new Int16Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  TONES.forEach((tone, k) => {
    const n = lengths[k]!;
    const attack = Math.round(0.005 * sampleRate);
    for (let i = 0; i < n; i++) {
      const env = Math.min(1, i / attack) * (1 - i / n) ** 2;
      out[at + i] = Math.round(AMPLITUDE * env * Math.sin((2 * Math.PI * tone.hz * i) / sampleRate));
    }
    at += n;
  });
  return out;
}
