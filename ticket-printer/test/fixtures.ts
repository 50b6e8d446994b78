import type { TicketData } from '../src/ticket.js';

/** A full priority ticket from a provincial centre, issued 09:05 local time (02:05 UTC). */
export const PRIORITY_TICKET: TicketData = {
  ticketId: 't-20251121-A1025',
  centreName: 'Trung tâm Phục vụ hành chính công tỉnh Kiên Giang',
  centreAddress: '01 Lê Lợi, Rạch Giá',
  centreHotline: '1900 1234',
  areaName: 'Đất đai – Tài nguyên',
  displayNumber: 'A1025',
  priorityLabel: 'ƯU TIÊN: Người cao tuổi',
  counters: ['Quầy 3', 'Quầy 5'],
  peopleAhead: 7,
  estimatedWaitMinutes: 25,
  issuedAt: new Date('2025-11-21T02:05:00Z'),
  timeZone: 'Asia/Ho_Chi_Minh',
  qrPayload: 'https://motcua.example.vn/tra-cuu/t-20251121-A1025',
  footerLines: ['5 hơn, 5 biết', 'Cảm ơn quý khách!'],
};

/** A plain ticket from a small commune centre: no address, one counter, nobody ahead. */
export const PLAIN_TICKET: TicketData = {
  ticketId: 't-20251121-1001',
  centreName: 'UBND xã Đông Hưng',
  areaName: 'Tư pháp – Hộ tịch',
  displayNumber: '1001',
  counters: ['Quầy 1'],
  peopleAhead: 0,
  estimatedWaitMinutes: 0,
  issuedAt: new Date('2025-11-21T16:59:00Z'),
  timeZone: 'Asia/Ho_Chi_Minh',
  qrPayload: 't-20251121-1001',
  footerLines: ['Đường dây nóng: 0297 3 868 686'],
};

/** Every precomposed Vietnamese letter, lower and upper case (67 each). */
export const VIETNAMESE_LOWER =
  'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ';
export const VIETNAMESE_UPPER = VIETNAMESE_LOWER.toUpperCase();
