/**
 * The demo kiosks print on a virtual printer: each ticket is also saved as a PNG picture of the paper, drawn
 * from the ESC/POS bytes by the project's own decoder, so a newcomer can see what a citizen would hold.
 * A ticket is complete when the printer has received bytes and then nothing for a short while (the kiosk sends a
 * ticket in one burst, ending with the cut).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@motcua/shared';
import { decodeEscPos, type DecodedItem } from '@motcua/ticket-printer/escpos/decoder';
import { renderPreview } from '@motcua/ticket-printer/escpos/png';
import { paperGeometry, type PaperWidth } from '@motcua/ticket-printer/profiles';
import type { FakePrinter } from '@motcua/ticket-printer/transport/fake';

/** Whether an item puts ink on the paper (a trailing empty line after the cut does not). */
const inked = (x: DecodedItem): boolean =>
  x.type === 'raster' || x.type === 'qr' || (x.type === 'text' && x.text.trim() !== '');

export interface TicketPictures {
  /** The pictures saved so far (file paths, oldest first). */
  readonly saved: readonly string[];
  stop(): void;
}

export function saveTicketPictures(o: {
  readonly paper: FakePrinter;
  readonly dir: string;
  readonly kioskId: string;
  readonly paperWidth: PaperWidth;
  readonly profile: string;
  readonly logger: Logger;
  readonly quietMs?: number;
}): TicketPictures {
  mkdirSync(o.dir, { recursive: true, mode: 0o700 });
  const saved: string[] = [];
  let lastLength = 0;
  let count = 0;
  const tables = o.profile.startsWith('bixolon') ? 'bixolon' : 'epson';
  const timer = setInterval(() => {
    const bytes = o.paper.received;
    if (bytes.length === 0 || bytes.length !== lastLength) {
      lastLength = bytes.length;
      return;
    }
    let items: DecodedItem[];
    try {
      items = decodeEscPos(bytes, { tables });
    } catch {
      return; // mid-ticket: look again on the next tick
    }
    // One picture per ticket: a ticket ends with its cut. Bytes after the last cut wait for the rest.
    const lastCut = items.findLastIndex((x) => x.type === 'cut');
    if (lastCut < 0 || items.slice(lastCut + 1).some(inked)) return;
    o.paper.clearReceived();
    lastLength = 0;
    let start = 0;
    items.forEach((item, i) => {
      if (item.type !== 'cut') return;
      const ticket = items.slice(start, i + 1);
      start = i + 1;
      if (!ticket.some(inked)) return;
      count += 1;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = join(o.dir, `${o.kioskId}-${stamp}-${String(count)}.png`);
      try {
        writeFileSync(file, renderPreview(ticket, paperGeometry(o.paperWidth).dots));
        saved.push(file);
      } catch (e) {
        // A picture is a convenience: a failure to draw one never stops the kiosk.
        o.logger.warn('demo: could not save a ticket picture', { error: (e as Error).message });
      }
    });
  }, o.quietMs ?? 250);
  timer.unref();
  return {
    saved,
    stop: () => clearInterval(timer),
  };
}
