// The one logger of the API and the indexer: pino, JSON lines (one object per line, for a
// log collector) unless the output is a terminal, where pino-pretty makes them readable.
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config';

export type { Logger } from 'pino';

export type LogOptions = Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT'>;

/** Whether `format` means readable lines for an output stream that is (or is not) a terminal. */
export function isPretty(format: LogOptions['LOG_FORMAT'], isTTY: boolean): boolean {
  return format === 'pretty' || (format === 'auto' && isTTY);
}

/**
 * A logger writing to `destination` (default: stdout). Writes are synchronous so that the
 * last lines before an exit are never lost; one request line costs a few microseconds.
 */
export function createLogger(
  options: LogOptions,
  destination?: DestinationStream,
  isTTY = destination ? false : Boolean(process.stdout.isTTY),
): Logger {
  const base = {
    level: options.LOG_LEVEL,
    // No pid and hostname on every line: a container has one process and its own name.
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (isPretty(options.LOG_FORMAT, isTTY)) {
    return pino(
      base,
      pretty({
        destination: destination ?? 1,
        colorize: isTTY,
        sync: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'req,res',
      }),
    );
  }
  return pino(base, destination ?? pino.destination({ dest: 1, sync: true }));
}
