export * from './ticket.js';
export * from './profiles.js';
export * from './layout.js';
export { encodeTicket, renderTicket, numberMagnification } from './render.js';
export {
  ticketDataFromConfig,
  countersFor,
  displayNumber,
  TicketInputError,
  type IssuedNumber,
} from './from-config.js';
export * from './status.js';
export * from './print-job.js';
export * from './transport/types.js';
export { TcpTransport, type TcpTransportOptions } from './transport/tcp.js';
export { SerialTransport, type SerialTransportOptions } from './transport/serial.js';
export { DeviceFileTransport, type DeviceFileTransportOptions } from './transport/device-file.js';
export {
  FakePrinter,
  FakeTransport,
  FAKE_STATUS,
  type FakeStatus,
  type FakePrinterOptions,
} from './transport/fake.js';
export { decodeEscPos, decodedText, DecodeError } from './escpos/decoder.js';
export type { DecodedItem, DecodeOptions, TextSegment } from './escpos/decoder.js';
