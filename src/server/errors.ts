// Every failure becomes a status and a JSON body; nothing else (no stack, no engine message)
// reaches the client.
import { errors } from '@elastic/elasticsearch';
import type { z } from 'zod';
import type { ErrorResponse } from '../search/wire';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse,
  ) {
    super(body.message);
  }
}

/** Parses `input` with an endpoint's schema, or throws a 400 naming every bad parameter. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((issue) => {
    // Unknown parameters come as one issue at the root listing their names.
    const names = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
    const message = issue.code === 'unrecognized_keys' ? 'unknown parameter' : issue.message;
    return names.map((parameter) => ({ parameter, message }));
  });
  const first = issues[0]!;
  throw new HttpError(400, {
    error: 'invalid_parameter',
    message: `${first.parameter}: ${first.message}`,
    parameter: first.parameter,
    issues,
  });
}

export const notFound = (message: string) => new HttpError(404, { error: 'not_found', message });

const unavailable = (message: string) => new HttpError(503, { error: 'unavailable', message });

/** Maps an error from the engine (or anything else thrown while answering) to a response. */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof errors.TimeoutError)
    return unavailable('the search engine did not answer in time');
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
