// The example files' paths are in ../example-configs.ts: config/ stays free of node: imports.
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
