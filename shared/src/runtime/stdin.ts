/** The first line of standard input: how the `*-hash` commands read a secret (never from argv: `ps`, history). */
import { createInterface } from 'node:readline';

export async function readLineFromStdin(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of rl) return line;
    return '';
  } finally {
    rl.close();
  }
}
