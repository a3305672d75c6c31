// Graceful shutdown: on SIGTERM (or SIGINT) stop accepting connections, let the requests in
// flight finish, close the engine client, exit 0. Whatever is still open after the timeout
// is cut and the process exits 1, within the 10 s that orchestrators wait before SIGKILL.
import type { Server } from 'node:http';
import type { Logger } from '../logger';

export interface ShutdownOptions {
  server: Server;
  logger: Logger;
  timeoutMs: number;
  /** Closes what the requests used (the engine client). */
  close: () => Promise<void>;
  exit?: (code: number) => void;
}

export function shutDownGracefully({
  server,
  logger,
  timeoutMs,
  close,
  exit = (code) => process.exit(code),
}: ShutdownOptions): (signal: NodeJS.Signals) => void {
  let started = false;
  return (signal) => {
    if (started) return;
    started = true;
    const t0 = performance.now();
    logger.info({ signal }, `${signal}: closing, waiting for requests in flight`);
    // Keep-alive connections would hold close() open: end each one as soon as it is idle.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    let finished = false;
    const finish = (code: number, message: string) => {
      if (finished) return;
      finished = true;
      clearInterval(idle);
      clearTimeout(deadline);
      close()
        .catch((err: Error) => logger.warn({ err }, 'closing the engine client failed'))
        .finally(() => {
          logger.info({ ms: Math.round(performance.now() - t0) }, message);
          exit(code);
        });
    };
    const deadline = setTimeout(() => {
      server.closeAllConnections();
      finish(1, `requests still open after ${timeoutMs} ms were cut; stopped`);
    }, timeoutMs);
    server.close(() => finish(0, 'stopped'));
  };
}
