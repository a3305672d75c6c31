import { readiness, readyStatus } from './readiness';

describe('readiness', () => {
  it('green is ready, yellow is degraded but served, red and no alias are not', () => {
    expect(readiness('articles', 'green')).toEqual({ status: 'ready', cluster: 'green' });
    const yellow = readiness('articles', 'yellow');
    expect(yellow).toMatchObject({ status: 'degraded', cluster: 'yellow' });
    expect(readyStatus(yellow)).toBe(200);
    const red = readiness('articles', 'red');
    expect(red).toMatchObject({ status: 'not_ready', cluster: 'red' });
    expect(readyStatus(red)).toBe(503);
    const missing = readiness('articles', undefined);
    expect(missing).toEqual({ status: 'not_ready', reason: 'no alias articles' });
    expect(readyStatus(missing)).toBe(503);
  });

  it('takes the status in either case (the client types it lower-case, the REST API may not)', () => {
    expect(readiness('a', 'GREEN').status).toBe('ready');
  });
});
