import { errors } from '@elastic/elasticsearch';
import { BreakerOpenError } from './breaker';
import { HttpError, toHttpError } from './errors';

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
