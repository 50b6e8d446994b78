/**
 * The two time formats a config document contains: "HH:mm" clocks and IANA zone names. They live with the config
 * (the domain's business-day module re-exports them) so that config/ never imports domain/: the domain reads the
 * config, never the other way round.
 */

/** Parses "HH:mm" into minutes since midnight; null if malformed. */
export function parseClock(s: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
