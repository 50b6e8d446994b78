/**
 * The digest that state hashes are made of: 106 bits from two independent 53-bit multiply-xorshift hashes
 * (cyrb53) over the text's UTF-16 code units. Not cryptographic, and it need not be: it tells replicas whose
 * states differ apart (a chance collision is about 2^-53 even for one half), it is plain TypeScript so the domain
 * runs anywhere (no `node:crypto`), and it is fast enough for the hub to hash a busy day's state every time it
 * publishes its summary (a pure-JS SHA-256 was ~20 times slower than OpenSSL's here, ~0.3 s per MB).
 */
function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** 28 hex digits: two 53-bit halves with different seeds, each as 14 digits. */
export function digestHex(text: string): string {
  return (
    cyrb53(text, 0x9e3779b9).toString(16).padStart(14, '0') +
    cyrb53(text, 0x85ebca6b).toString(16).padStart(14, '0')
  );
}
