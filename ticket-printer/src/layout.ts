import { getProfile, paperGeometry, type PaperWidth, type PrinterProfile } from './profiles.js';
import { DEFAULT_COPY_LABELS, formatIssuedAt, formatWait, type TicketData } from './ticket.js';

/**
 * The ticket as an abstract document: what goes on the paper, in which order and emphasis, independent
 * of how a profile turns it into bytes (printer font or bitmaps). Pure: same data, same document.
 */
export type TextStyle = 'title' | 'heading' | 'body' | 'small';
export type Align = 'left' | 'center';

export type Block =
  | { readonly kind: 'text'; readonly text: string; readonly style: TextStyle; readonly align: Align }
  /** The queue number, printed as large as the paper allows. */
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'qr'; readonly payload: string }
  | { readonly kind: 'rule' }
  | { readonly kind: 'gap' }
  | { readonly kind: 'cut' };

export interface TicketDocument {
  readonly paperWidth: PaperWidth;
  readonly profile: PrinterProfile;
  readonly blocks: readonly Block[];
}

export interface LayoutOptions {
  readonly width: PaperWidth;
  /** Profile name or profile. */
  readonly profile: string | PrinterProfile;
  /** 2 adds the counter's copy after the citizen's. Default 1. */
  readonly copies?: 1 | 2 | undefined;
}

function oneCopy(data: TicketData, copyLabel: string | undefined): Block[] {
  const text = (t: string, style: TextStyle, align: Align = 'left'): Block => ({
    kind: 'text',
    text: t,
    style,
    align,
  });
  const blocks: Block[] = [text(data.centreName.toUpperCase(), 'title', 'center')];
  if (data.centreAddress !== undefined && data.centreAddress !== '')
    blocks.push(text(data.centreAddress, 'small'));
  if (data.centreHotline !== undefined && data.centreHotline !== '')
    blocks.push(text(`Hotline: ${data.centreHotline}`, 'small'));
  blocks.push({ kind: 'rule' });
  blocks.push(text(data.areaName, 'heading', 'center'));
  blocks.push({ kind: 'number', text: data.displayNumber });
  if (data.priorityLabel !== undefined && data.priorityLabel !== '')
    blocks.push(text(data.priorityLabel, 'heading', 'center'));
  blocks.push({ kind: 'gap' });
  if (data.counters.length > 0) blocks.push(text(`Mời đến: ${data.counters.join(', ')}`, 'body'));
  blocks.push(
    text(
      data.peopleAhead === 0 ? 'Bạn là người tiếp theo' : `Trước bạn còn ${data.peopleAhead} người`,
      'body',
    ),
  );
  blocks.push(text(formatWait(data.estimatedWaitMinutes), 'body'));
  blocks.push(text(`Giờ lấy số: ${formatIssuedAt(data.issuedAt, data.timeZone)}`, 'body'));
  blocks.push({ kind: 'qr', payload: data.qrPayload });
  for (const line of data.footerLines) blocks.push(text(line, 'small'));
  if (copyLabel !== undefined) blocks.push(text(copyLabel, 'small', 'center'));
  blocks.push({ kind: 'cut' });
  return blocks;
}

export function layoutTicket(data: TicketData, options: LayoutOptions): TicketDocument {
  const profile = typeof options.profile === 'string' ? getProfile(options.profile) : options.profile;
  paperGeometry(options.width); // validates the width early
  const copies = options.copies ?? 1;
  const labels = data.copyLabels ?? DEFAULT_COPY_LABELS;
  const blocks =
    copies === 2 ? [...oneCopy(data, labels[0]), ...oneCopy(data, labels[1])] : oneCopy(data, undefined);
  return { paperWidth: options.width, profile, blocks };
}
