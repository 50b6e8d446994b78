import iconv from 'iconv-lite';

/**
 * Character tables as the printer decodes them, built independently of the encoder library so that a
 * decode really checks what the encoder sent.
 *
 * TCVN-3 (TCVN 5712:1993 VN3, the "ABC" fonts) is the lowercase-letter subset of VN1; iconv-lite's
 * `tcvn` is VN1, so a VN3 byte is accepted only where VN1 has a lowercase letter (0xA8 and up) or one of
 * the seven base capitals Ă Â Ê Ô Ơ Ư Đ (0xA1-0xA7). The capitals table (Epson 31, ".VnTimeH") prints the
 * capital of the letter at the same position.
 */
export type CodeTableName = 'pc437' | 'tcvn3' | 'tcvn3-capitals';

/** ESC t number → table, per printer family. */
export const TABLE_NUMBERS = {
  epson: { 0: 'pc437', 30: 'tcvn3', 31: 'tcvn3-capitals' },
  bixolon: { 0: 'pc437', 49: 'tcvn3', 50: 'tcvn3-capitals' },
} as const satisfies Record<string, Record<number, CodeTableName>>;
export type TableFamily = keyof typeof TABLE_NUMBERS;

function isLowerLetter(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function buildTable(name: CodeTableName): (string | null)[] {
  const table: (string | null)[] = new Array<string | null>(256).fill(null);
  for (let b = 0x20; b < 0x7f; b++) table[b] = String.fromCharCode(b);
  if (name === 'pc437') {
    for (let b = 0x80; b <= 0xff; b++) table[b] = iconv.decode(Buffer.from([b]), 'cp437');
    return table;
  }
  for (let b = 0xa1; b <= 0xff; b++) {
    const c = iconv.decode(Buffer.from([b]), 'tcvn');
    const baseCapital = b <= 0xa7;
    if (!baseCapital && !isLowerLetter(c)) continue;
    table[b] = name === 'tcvn3-capitals' && !baseCapital ? c.toUpperCase() : c;
  }
  return table;
}

const TABLES: Record<CodeTableName, (string | null)[]> = {
  pc437: buildTable('pc437'),
  tcvn3: buildTable('tcvn3'),
  'tcvn3-capitals': buildTable('tcvn3-capitals'),
};

/** The character a printer prints for `byte` under `table`, or null when the table has none there. */
export function decodeByte(table: CodeTableName, byte: number): string | null {
  return TABLES[table][byte] ?? null;
}

const ENCODABLE = new Map<CodeTableName, Set<string>>(
  (Object.keys(TABLES) as CodeTableName[]).map((n) => [n, new Set(TABLES[n].filter((c) => c !== null))]),
);

/** True when every character of `text` is printable through one of `tables`. */
export function isEncodable(text: string, tables: readonly CodeTableName[]): boolean {
  for (const ch of text.normalize('NFC')) {
    if (!tables.some((t) => ENCODABLE.get(t)?.has(ch) === true)) return false;
  }
  return true;
}

export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}
