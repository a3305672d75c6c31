// Security on, as the compose deployment runs it (docker/security/): a secured throwaway node set
// up by the deployment's own setup.sh and roles.yml. The indexer's user builds and rebuilds the
// index and can write nothing else; the API's user serves searches through the alias and gets
// 403 on every write; an API with a wrong password is not ready, and /readyz says why without
// the secret. HTTPS throughout, trusting the node's CA as ES_CA_CERT.
import { errors, type Client } from '@elastic/elasticsearch';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { StartedTestContainer } from 'testcontainers';
import { ROOT } from '../../src/config';
import { createElasticsearchClient, createIndexerClient } from '../../src/elasticsearch';
import { runIndexer } from '../../src/indexer/indexer';
import { createApiClient } from '../../src/server/engine-client';
import { getJson, qs, startApp } from '../server/harness';
import {
  startSecuredElasticsearchContainer,
  type SecurityPasswords,
} from '../support/elasticsearch-container';
import { TEST_LABEL } from '../support/global-setup';

/** The default alias: roles.yml names it, as the deployment's ES_INDEX does by default. */
const ALIAS = 'articles';
const password = () => randomBytes(18).toString('base64url');
const passwords: SecurityPasswords = {
  ELASTIC_PASSWORD: password(),
  ES_API_PASSWORD: password(),
  ES_INDEXER_PASSWORD: password(),
};

let container: StartedTestContainer | undefined;
let url: string;
let caFile: string;
const clients: Client[] = [];

function clientAs(username: string, pass: string): Client {
  const client = createElasticsearchClient(
    { ES_URL: url, ES_USERNAME: username, ES_PASSWORD: pass, ES_CA_CERT: caFile },
    { requestTimeoutMs: 30_000, maxRetries: 0 },
  );
  clients.push(client);
  return client;
}

/** The HTTP status a request ends with (200 when it succeeds). */
async function statusOf(request: () => Promise<unknown>): Promise<number> {
  try {
    await request();
    return 200;
  } catch (error) {
    if (error instanceof errors.ResponseError) return error.statusCode ?? 0;
    throw error;
  }
}

beforeAll(async () => {
  ({ container, url, caFile } = await startSecuredElasticsearchContainer({
    ...(process.env.ES_IMAGE && { image: process.env.ES_IMAGE }),
    javaOpts: '-Xms512m -Xmx512m',
    label: TEST_LABEL,
    passwords,
  }));
  // The superuser, from the keystore setup.sh wrote, waits for the node.
  const elastic = clientAs('elastic', passwords.ELASTIC_PASSWORD);
  await elastic.cluster.health({ wait_for_status: 'yellow', timeout: '60s' });
}, 600_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await container?.stop({ timeout: 5_000 });
});

describe('the indexer user (cjk_news_indexer)', () => {
  it('builds the alias and rebuilds it (a new index, the alias moved, the old one deleted)', async () => {
    const client = createIndexerClient({
      ES_URL: url,
      ES_USERNAME: 'indexer',
      ES_PASSWORD: passwords.ES_INDEXER_PASSWORD,
      ES_CA_CERT: caFile,
      INDEX_REQUEST_TIMEOUT_MS: 60_000,
    });
    clients.push(client);
    for (const rebuild of [false, true]) {
      const report = await runIndexer({
        client,
        alias: ALIAS,
        paths: [join(ROOT, 'corpus')],
        rebuild,
      });
      expect(report.failures).toEqual([]);
      expect(report.aborted).toBeUndefined();
    }
    const elastic = clientAs('elastic', passwords.ELASTIC_PASSWORD);
    const indices = Object.keys(await elastic.indices.get({ index: `${ALIAS}-*` }));
    expect(indices).toHaveLength(1);
    expect(Object.keys(await elastic.indices.getAlias({ name: ALIAS }))).toEqual(indices);
  });

  it('cannot write any other index', async () => {
    const indexer = clientAs('indexer', passwords.ES_INDEXER_PASSWORD);
    expect(await statusOf(() => indexer.indices.create({ index: 'other' }))).toBe(403);
    expect(await statusOf(() => indexer.index({ index: 'other', document: { a: 1 } }))).toBe(403);
  });
});

describe('the API user (cjk_news_reader)', () => {
  it('gets 403 on every write: documents (one or in bulk), indices, the alias', async () => {
    const api = clientAs('api', passwords.ES_API_PASSWORD);
    const [index] = Object.keys(await api.indices.getAlias({ name: ALIAS }));
    const { hits } = await api.search({ index: ALIAS, size: 1 });
    const id = hits.hits[0]!._id!;
    const writes: Record<string, () => Promise<unknown>> = {
      'index a document': () => api.index({ index: ALIAS, document: { title: 'x' } }),
      'update a document': () => api.update({ index: index!, id, doc: { title: 'x' } }),
      'delete a document': () => api.delete({ index: index!, id }),
      'bulk writes': () =>
        api.bulk({
          operations: [
            { delete: { _index: index!, _id: id } },
            { index: { _index: ALIAS } },
            { a: 1 },
          ],
        }),
      'delete the index': () => api.indices.delete({ index: index! }),
      'create an index': () => api.indices.create({ index: `${ALIAS}-new` }),
      'move the alias': () =>
        api.indices.updateAliases({ actions: [{ remove: { index: index!, alias: ALIAS } }] }),
    };
    const statuses: Record<string, number> = {};
    for (const [what, write] of Object.entries(writes)) statuses[what] = await statusOf(write);
    expect(statuses).toEqual(Object.fromEntries(Object.keys(writes).map((what) => [what, 403])));
    // Nothing changed: the document is still there, through the alias.
    expect((await api.count({ index: ALIAS })).count).toBe(5);
  });

  it('serves the API: ready, a search, a cursor page (point in time)', async () => {
    const client = createApiClient({
      ES_URL: url,
      ES_USERNAME: 'api',
      ES_PASSWORD: passwords.ES_API_PASSWORD,
      ES_CA_CERT: caFile,
      ES_TIMEOUT_MS: 10_000,
    });
    clients.push(client);
    const app = await startApp(client, ALIAS);
    try {
      const ready = await getJson<{ status: string }>(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      const search = await getJson<{ total: number; next_cursor?: string }>(
        `${app.url}/api/search?${qs({ q: '郑凯' })}`,
      );
      expect(search.status).toBe(200);
      expect(search.body.total).toBeGreaterThan(0);
      const first = await getJson<{ next_cursor?: string }>(
        `${app.url}/api/search?${qs({ q: '疫情', size: 1 })}`,
      );
      expect(first.body.next_cursor).toBeDefined();
      const next = await getJson(
        `${app.url}/api/search?${qs({ q: '疫情', size: 1, cursor: first.body.next_cursor })}`,
      );
      expect(next.status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('with a wrong password: not ready, and /readyz names the cause without the secret', async () => {
    const wrong = `wrong-${password()}`;
    const client = createApiClient({
      ES_URL: url,
      ES_USERNAME: 'api',
      ES_PASSWORD: wrong,
      ES_CA_CERT: caFile,
      ES_TIMEOUT_MS: 10_000,
    });
    clients.push(client);
    const app = await startApp(client, ALIAS);
    try {
      const ready = await getJson<{ status: string; reason: string }>(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(ready.body.status).toBe('not_ready');
      expect(ready.body.reason).toMatch(/authentication failed/);
      const search = await getJson<{ message: string }>(
        `${app.url}/api/search?${qs({ q: '郑凯' })}`,
      );
      expect(search.status).toBe(503);
      const said = JSON.stringify([ready.body, search.body, app.logged]);
      for (const secret of [wrong, ...Object.values(passwords)]) expect(said).not.toContain(secret);
    } finally {
      await app.close();
    }
  });
});
