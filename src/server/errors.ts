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

type EngineError = {
  error?: {
    type?: string;
    root_cause?: { type?: string; reason?: string }[];
    failed_shards?: { index?: string; reason?: { type?: string } }[];
  };
};

/**
 * What a failed search on a cursor's point in time means for the client: the PIT was closed,
 * outlived its keep-alive or its index was deleted (a rebuild swaps in a new index and deletes
 * the old one) -> a 400 telling it to start over; an id the engine cannot read -> not a cursor;
 * anything else as any failure. `exists` asks the engine whether an index is still there.
 */
export async function cursorEnded(
  err: unknown,
  exists: (index: string) => Promise<boolean>,
): Promise<unknown> {
  if (!(err instanceof errors.ResponseError)) return err;
  const body = (err.body as EngineError | undefined)?.error;
  const causes = (body?.root_cause ?? []).map((c) => c.type);
  const cursorIssue = (code: string, message: string) =>
    new HttpError(400, {
      error: 'invalid_parameter',
      message: `cursor: ${message}`,
      parameter: 'cursor',
      issues: [{ parameter: 'cursor', code, message }],
    });
  const expired = cursorIssue(
    'cursor_expired',
    'the cursor has expired (its point in time is closed, unused for too long, or the index ' +
      'was rebuilt): start the search again without cursor',
  );
  if (causes.includes('search_context_missing_exception')) return expired;
  if (err.statusCode === 400 && (body?.root_cause ?? []).some((c) => c.reason?.includes('[pit]'))) {
    return cursorIssue('not_a_cursor', 'not a cursor');
  }
  const gone = (body?.failed_shards ?? []).map((s) => s.index).filter((i) => i !== undefined);
  if (causes.includes('no_shard_available_action_exception') && gone.length > 0) {
    const present = await Promise.all(gone.map((index) => exists(index).catch(() => true)));
    if (present.some((p) => !p)) return expired;
  }
  return err;
}

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
    // A cluster with security on that refuses the API's user: a deployment fault, named
    // without the credentials (the engine's reason holds the user name, never the password).
    if (err.statusCode === 401) {
      return unavailable(
        "the search engine refused the API's credentials (authentication failed): " +
          'check ES_USERNAME and ES_PASSWORD',
      );
    }
    if (err.statusCode === 403) {
      return unavailable(
        "the search engine denied the API's user a privilege this request needs " +
          '(docker/security/roles.yml)',
      );
    }
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
