import { errors } from '@elastic/elasticsearch';
import { BreakerOpenError } from './breaker';
import { cursorEnded, HttpError, toHttpError } from './errors';

const meta = { body: undefined, statusCode: 0, headers: {}, warnings: null, meta: {} } as never;

function responseError(statusCode: number, type: string) {
  return new errors.ResponseError({
    ...(meta as object),
    statusCode,
    body: { error: { type, reason: 'secret detail' }, status: statusCode },
  } as never);
}

describe('toHttpError', () => {
  it('answers 503 when the engine is unreachable, slow or has no index', () => {
    for (const err of [
      new errors.ConnectionError('connect ECONNREFUSED', meta),
      new errors.TimeoutError('Request timed out', meta),
      new errors.NoLivingConnectionsError('none', meta),
      responseError(404, 'index_not_found_exception'),
      responseError(429, 'es_rejected_execution_exception'),
      responseError(503, 'cluster_block_exception'),
      new BreakerOpenError(800),
    ]) {
      const http = toHttpError(err);
      expect(http.status).toBe(503);
      expect(http.body.error).toBe('unavailable');
      expect(JSON.stringify(http.body)).not.toContain('secret');
    }
  });

  it("names refused credentials and missing privileges as 503s, without the engine's reason", () => {
    const refused = toHttpError(responseError(401, 'security_exception'));
    expect(refused.status).toBe(503);
    expect(refused.body.message).toMatch(/authentication failed.*ES_USERNAME and ES_PASSWORD/);
    const denied = toHttpError(responseError(403, 'security_exception'));
    expect(denied.status).toBe(503);
    expect(denied.body.message).toMatch(/privilege/);
    for (const http of [refused, denied]) expect(JSON.stringify(http.body)).not.toContain('secret');
  });

  it('hides other engine errors behind a bare 500', () => {
    const http = toHttpError(responseError(400, 'search_phase_execution_exception'));
    expect(http.status).toBe(500);
    expect(http.body).toEqual({ error: 'internal', message: 'internal error' });
    expect(toHttpError(new Error('boom at /src/x.ts:1')).body.message).toBe('internal error');
  });

  it('keeps its own errors and the client errors Express raises', () => {
    const own = new HttpError(404, { error: 'not_found', message: 'x' });
    expect(toHttpError(own)).toBe(own);
    const uri = Object.assign(new URIError('Failed to decode param'), { status: 400 });
    expect(toHttpError(uri)).toMatchObject({ status: 400, body: { error: 'bad_request' } });
  });
});

describe('cursorEnded', () => {
  const engineError = (statusCode: number, error: object) =>
    new errors.ResponseError({ ...(meta as object), statusCode, body: { error } } as never);
  const code = (err: unknown) => (err as HttpError).body.issues?.[0]?.code;
  const exists = (present: boolean) => () => Promise.resolve(present);

  it('a point in time the engine no longer has: 400 cursor_expired, start over', async () => {
    const err = engineError(404, {
      type: 'search_phase_execution_exception',
      root_cause: [{ type: 'search_context_missing_exception', reason: 'No search context' }],
    });
    const mapped = await cursorEnded(err, exists(true));
    expect(mapped).toBeInstanceOf(HttpError);
    expect((mapped as HttpError).status).toBe(400);
    expect(code(mapped)).toBe('cursor_expired');
    expect((mapped as HttpError).body.message).toMatch(/start the search again without cursor/);
  });

  it('its index deleted (a rebuild): expired; a shard merely unavailable: the error as it is', async () => {
    const err = engineError(503, {
      type: 'search_phase_execution_exception',
      root_cause: [{ type: 'no_shard_available_action_exception' }],
      failed_shards: [
        { index: 'articles-abc-1', reason: { type: 'no_shard_available_action_exception' } },
      ],
    });
    expect(code(await cursorEnded(err, exists(false)))).toBe('cursor_expired');
    expect(await cursorEnded(err, exists(true))).toBe(err);
  });

  it('an id the engine cannot read: not a cursor; other failures pass through', async () => {
    const unreadable = engineError(400, {
      type: 'x_content_parse_exception',
      root_cause: [
        { type: 'x_content_parse_exception', reason: '[1:23] [pit] failed to parse field [id]' },
      ],
    });
    expect(code(await cursorEnded(unreadable, exists(true)))).toBe('not_a_cursor');
    const other = new Error('boom');
    expect(await cursorEnded(other, exists(true))).toBe(other);
  });
});
