/**
 * What a scanned code means at the kiosk. Pure (no node: imports): the screen uses it too.
 *
 * - Dossier receipts carry the national dossier code: the receiving agency's code (dot-separated
 *   groups such as `000.00.19.H33`), the date received (yyMMdd) and a sequence number, e.g.
 *   `000.00.19.H33-261201-0001`. Scanning one opens that dossier's status.
 * - Ticket QR codes carry what `ticket.qr` in the centre config says: the ticket id itself
 *   (`centre:yyyy-MM-dd:area:number`, see makeTicketId) or a look-up link built from a template with
 *   `{ticketId}` (URL-encoded). Scanning one shows that ticket's place in the queue.
 * - Anything else is `unknown` and is shown as "not recognised", never acted on.
 */
export type ScanResult =
  | { readonly kind: 'dossier'; readonly code: string }
  | { readonly kind: 'ticket'; readonly ticketId: string }
  | { readonly kind: 'unknown'; readonly text: string };

export type TicketQrConfig =
  { readonly kind: 'ticket-id' } | { readonly kind: 'link'; readonly template: string };

const DOSSIER = /^[A-Z0-9]{2,3}(?:\.[A-Z0-9]{2,3}){1,4}-\d{6}-\d{4,6}$/;
const ID = '[a-z0-9][a-z0-9-]{0,39}';
const TICKET_ID = new RegExp(`^${ID}:\\d{4}-\\d{2}-\\d{2}:${ID}:\\d{1,6}$`);
/** Longest text worth classifying; longer input is noise (a scanner misread or a pasted page). */
const MAX_SCAN = 512;

export function isTicketId(s: string): boolean {
  return TICKET_ID.test(s);
}

export function classifyScan(raw: string, qr: TicketQrConfig = { kind: 'ticket-id' }): ScanResult {
  // Scanners may add a prefix/suffix of control characters (STX/ETX, CR, LF, tab): not part of the code.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (text.length === 0 || text.length > MAX_SCAN) return { kind: 'unknown', text: text.slice(0, MAX_SCAN) };
  const upper = text.toUpperCase();
  if (DOSSIER.test(upper)) return { kind: 'dossier', code: upper };
  if (isTicketId(text)) return { kind: 'ticket', ticketId: text };
  if (qr.kind === 'link') {
    const id = ticketIdFromLink(text, qr.template);
    if (id !== null) return { kind: 'ticket', ticketId: id };
  }
  return { kind: 'unknown', text };
}

function ticketIdFromLink(text: string, template: string): string | null {
  const at = template.indexOf('{ticketId}');
  if (at < 0) return null;
  const prefix = template.slice(0, at);
  const suffix = template.slice(at + '{ticketId}'.length);
  if (text.length <= prefix.length + suffix.length) return null;
  // Scheme and host are case-insensitive; scanners in caps-lock mode upper-case them.
  if (text.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase() || !text.endsWith(suffix))
    return null;
  let id: string;
  try {
    id = decodeURIComponent(text.slice(prefix.length, text.length - suffix.length));
  } catch {
    return null;
  }
  return isTicketId(id) ? id : null;
}
