import { describe, expect, it } from 'vitest';
import { interpretStatus, isStatusByte, STATUS_MESSAGES, type PrinterState } from '../src/status.js';
import { FAKE_STATUS } from '../src/transport/fake.js';

describe('printer status', () => {
  it.each([
    ['ready', 'ready'],
    ['paperNearEnd', 'paper-near-end'],
    ['paperOut', 'paper-out'],
    ['coverOpen', 'cover-open'],
    ['error', 'offline'],
  ] as const)('reads %s as %s', (fake, state) => {
    expect(interpretStatus(FAKE_STATUS[fake])).toBe(state);
  });

  it('puts paper out before cover open and near end (what the person at the kiosk can act on)', () => {
    expect(interpretStatus({ printer: 0x1a, offlineCause: 0x36, paper: 0x7e })).toBe('paper-out');
  });

  it('accepts only bytes with the fixed status bits', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x72)).toBe(true);
    expect(isStatusByte(0x00)).toBe(false);
    expect(isStatusByte(0x13)).toBe(false);
  });

  it('has a distinct Vietnamese and English message for every state', () => {
    const states = Object.keys(STATUS_MESSAGES) as PrinterState[];
    expect(states).toHaveLength(7);
    expect(new Set(states.map((s) => STATUS_MESSAGES[s].vi)).size).toBe(7);
    expect(new Set(states.map((s) => STATUS_MESSAGES[s].en)).size).toBe(7);
    expect(STATUS_MESSAGES['paper-out'].vi).toBe('Máy in đã hết giấy. Vui lòng báo cán bộ hỗ trợ.');
  });
});
