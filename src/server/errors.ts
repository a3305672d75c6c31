// Every failure becomes a status and a JSON body; nothing else (no stack, no engine message)
// reaches the client.
import { errors } from '@elastic/elasticsearch';
import type { ErrorResponse } from '../search/wire';
import { BreakerOpenError } from './breaker';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse,
  ) {
    super(body.message);
  }
}

export const notFound = (message: string) => new HttpError(404, { error: 'not_found', message });

const unavailable = (message: string) => new HttpError(503, { error: 'unavailable', message });

/** Maps an error from the engine (or anything else thrown while answering) to a response. */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof errors.TimeoutError)
    return unavailable('the search engine did not answer in time');
  if (err instanceof BreakerOpenError) {
    return unavailable('the search engine is unreachable; it is tried again every second');
  }
  if (err instanceof errors.ConnectionError || err instanceof errors.NoLivingConnectionsError) {
    return unavailable('the search engine cannot be reached');
  }
  if (err instanceof errors.ResponseError) {
    const type = (err.body as { error?: { type?: string } } | undefined)?.error?.type;
    if (type === 'index_not_found_exception') return unavailable('the index is not there yet');
    if (err.statusCode === 429 || (err.statusCode ?? 500) >= 500) {
      return unavailable('the search engine is overloaded or failing');
    }
  }
  // Errors Express raises itself for a malformed request (e.g. a bad %-escape in the path).
  const status = (err as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, { error: 'bad_request', message: 'malformed request' });
  }
  return new HttpError(500, { error: 'internal', message: 'internal error' });
}
