// The place for a web page at /: a static folder, served when it exists. No engine needed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { createApiClient } from './engine-client';

async function get(publicDir: string, path: string) {
  const client = createApiClient({ ES_URL: 'http://127.0.0.1:9', ES_TIMEOUT_MS: 100 });
  const app = createApp({ client, index: 'articles', publicDir });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  } finally {
    server.close();
    await client.close();
  }
}

describe('the static folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'public-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>搜索</title>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('serves index.html at / when the folder exists', async () => {
    const res = await get(dir, '/');
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.text).toContain('<title>搜索</title>');
  });

  test('answers / with a JSON 404 when there is no folder', async () => {
    const res = await get(join(dir, 'absent'), '/');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text)).toMatchObject({ error: 'not_found' });
  });

  test('the API routes come first', async () => {
    writeFileSync(join(dir, 'healthz'), 'shadowed');
    expect(JSON.parse((await get(dir, '/healthz')).text)).toEqual({ status: 'ok' });
  });
});
