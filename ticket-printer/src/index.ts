export * from './ticket.js';
export * from './profiles.js';
export * from './layout.js';
export { encodeTicket, renderTicket, numberMagnification } from './render.js';
export { decodeEscPos, decodedText, DecodeError } from './escpos/decoder.js';
export type { DecodedItem, DecodeOptions, TextSegment } from './escpos/decoder.js';
