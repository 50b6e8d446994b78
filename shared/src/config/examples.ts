import { fileURLToPath } from 'node:url';

/** The shipped example configurations (see shared/config-examples/). */
export const exampleConfigPaths = {
  provincial: fileURLToPath(new URL('../../config-examples/provincial.json', import.meta.url)),
  district: fileURLToPath(new URL('../../config-examples/district.json', import.meta.url)),
} as const;

const allDay = [{ open: '00:00', close: '23:59' }];

/** Opening hours of a centre open every day, all day: for demos, simulations, benchmarks and tests. */
export const AROUND_THE_CLOCK = {
  sun: allDay,
  mon: allDay,
  tue: allDay,
  wed: allDay,
  thu: allDay,
  fri: allDay,
  sat: allDay,
  stopIssuingBeforeCloseMin: 0,
  closedDates: [],
};
