import { layoutTicket } from './layout.js';
import { getProfile, type PaperWidth } from './profiles.js';
import { encodeTicket } from './render.js';
import type { TicketData } from './ticket.js';

/**
 * Render time (ticket data → bytes ready to send) and size per profile and paper width, and what the
 * size costs on a serial link (8N1: 10 bits per byte). The first render (font loading, empty line
 * cache) is reported apart as `cold_ms`; percentiles are over the following renders, each with a new
 * number, queue figures, time and QR payload (header and footer lines come from the line cache, as they
 * do on a kiosk).
 */
export interface BenchRow {
  readonly profile: string;
  readonly mode: string;
  readonly qr: string;
  readonly width: PaperWidth;
  readonly iterations: number;
  readonly cold_ms: number;
  readonly render_p50_ms: number;
  readonly render_p99_ms: number;
  readonly bytes: number;
  readonly transfer_s_9600: number;
  readonly transfer_s_115200: number;
}

export const BENCH_TICKET: TicketData = {
  ticketId: 'hcc-kg-20251121-A1025',
  centreName: 'Trung tâm Phục vụ hành chính công tỉnh Kiên Giang',
  centreAddress: 'Số 01 Lê Lợi, phường Vĩnh Thanh Vân, TP Rạch Giá',
  centreHotline: '0297 3 868 686',
  areaName: 'Đất đai – Tài nguyên và Môi trường',
  displayNumber: 'A1025',
  priorityLabel: 'ƯU TIÊN: Người cao tuổi',
  counters: ['Quầy 3', 'Quầy 5', 'Quầy 12'],
  peopleAhead: 17,
  estimatedWaitMinutes: 65,
  issuedAt: new Date('2025-11-21T02:05:00Z'),
  timeZone: 'Asia/Ho_Chi_Minh',
  qrPayload: 'https://dichvucong.kiengiang.gov.vn/tra-cuu-so?ma=hcc-kg-20251121-A1025',
  footerLines: ['5 hơn, 5 biết', 'Cảm ơn quý khách đã sử dụng dịch vụ!'],
};

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** The i-th ticket of a busy morning: number, queue figures and time change, the centre does not. */
function ticketAt(data: TicketData, i: number): TicketData {
  const n = 1025 + i;
  return {
    ...data,
    ticketId: `${data.ticketId}-${i}`,
    displayNumber: `A${n}`,
    peopleAhead: (data.peopleAhead + i) % 60,
    estimatedWaitMinutes: ((data.estimatedWaitMinutes ?? 0) + 3 * i) % 240,
    issuedAt: new Date(data.issuedAt.getTime() + i * 60_000),
    qrPayload: `${data.qrPayload}-${i}`,
  };
}

export function benchProfile(
  profileName: string,
  width: PaperWidth,
  iterations: number,
  data = BENCH_TICKET,
): BenchRow {
  const profile = getProfile(profileName);
  let i = 0;
  const render = (): Uint8Array => encodeTicket(layoutTicket(ticketAt(data, i++), { width, profile }));
  let t = performance.now();
  const bytes = render().length;
  const cold = performance.now() - t;
  for (let i = 0; i < 5; i++) render();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    t = performance.now();
    render();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    profile: profile.name,
    mode: profile.mode,
    qr: profile.qr,
    width,
    iterations,
    cold_ms: round(cold, 2),
    render_p50_ms: round(percentile(times, 50), 2),
    render_p99_ms: round(percentile(times, 99), 2),
    bytes,
    transfer_s_9600: round((bytes * 10) / 9600, 2),
    transfer_s_115200: round((bytes * 10) / 115200, 3),
  };
}
