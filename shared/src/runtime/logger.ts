/**
 * Injected logger. Each module names its namespace; debug messages are lazy so that building them costs
 * nothing when debug is off.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: () => string): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(namespace: string): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface LogRecord {
  readonly level: LogLevel;
  readonly namespace: string;
  readonly message: string;
  readonly fields?: Record<string, unknown>;
}

/** A logger that hands records to a sink (stderr as JSON lines, or an array in tests). */
export function createLogger(
  sink: (r: LogRecord) => void,
  minLevel: LogLevel = 'info',
  namespace = 'motcua',
): Logger {
  const on = (l: LogLevel): boolean => ORDER[l] >= ORDER[minLevel];
  const emit = (level: LogLevel, message: string, fields?: Record<string, unknown>): void => {
    if (on(level))
      sink(fields === undefined ? { level, namespace, message } : { level, namespace, message, fields });
  };
  return {
    debug: (m) => {
      if (on('debug')) emit('debug', m());
    },
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (ns) => createLogger(sink, minLevel, `${namespace}:${ns}`),
  };
}

export function stderrLogger(minLevel: LogLevel = 'info'): Logger {
  return createLogger(
    (r) => process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), ...r })}\n`),
    minLevel,
  );
}

/** Records everything; for tests that assert what was logged. */
export function memoryLogger(): { logger: Logger; records: LogRecord[] } {
  const records: LogRecord[] = [];
  return { logger: createLogger((r) => records.push(r), 'debug'), records };
}

export const silentLogger: Logger = createLogger(() => undefined, 'error');
