// The example article (tests/fixtures/articles.ts), written as a JSON line, through every layer
// on the real engine: the indexer parses and stores it under the strict mapping, and the API
// gives it back as its schemas describe, field for field.
import type { Client } from '@elastic/elasticsearch';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIndexer } from '../../src/indexer/indexer';
import { articleResponseSchema, searchResponseSchema } from '../../src/search/wire';
import { EXAMPLE_ARTICLE } from '../fixtures/articles';
import { testClient, testIndexName } from '../support/es';
import { getJson, startApp, type RunningApp } from './harness';

jest.setTimeout(60_000);

const alias = testIndexName('example-article');
let client: Client;
let app: RunningApp;
let dir: string;

beforeAll(async () => {
  client = testClient();
  dir = mkdtempSync(join(tmpdir(), 'example-article-'));
  writeFileSync(join(dir, 'example.jsonl'), `${JSON.stringify(EXAMPLE_ARTICLE)}\n`);
  const report = await runIndexer({ client, alias, paths: [dir] });
  expect(report).toMatchObject({ failures: [], indexed: 1 });
  app = await startApp(client, alias);
});

afterAll(async () => {
  await app?.close();
  const aliases = await client.indices.getAlias({ name: alias }).catch(() => ({}));
  for (const index of Object.keys(aliases)) await client.indices.delete({ index });
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the API gives back every field the JSON line gave, as its schema describes', async () => {
  const res = await getJson(`${app.url}/api/articles/${EXAMPLE_ARTICLE.id}`);
  expect(res.status).toBe(200);
  const article = articleResponseSchema.parse(res.body);
  // What the API leaves out: the raw date (published_at stands for it) and what is kept for
  // debugging; what it adds: the title and paragraphs as HTML (escaped, nothing to mark here),
  // and the story the indexer put it in (its own: no other article resembles it).
  const stored = Object.fromEntries(
    Object.entries(EXAMPLE_ARTICLE).filter(
      ([field]) => !['date', 'removed', 'evidence'].includes(field),
    ),
  );
  expect(article).toEqual({
    ...stored,
    title_html: EXAMPLE_ARTICLE.title,
    body_html: EXAMPLE_ARTICLE.body,
    people: [
      ...EXAMPLE_ARTICLE.reporters,
      ...EXAMPLE_ARTICLE.correspondents,
      ...EXAMPLE_ARTICLE.editors,
    ],
    story_id: EXAMPLE_ARTICLE.id,
  });
});

test('a search finds it and shows the fields of a hit', async () => {
  const res = await getJson(`${app.url}/api/search?q=${encodeURIComponent('志愿服务')}`);
  expect(res.status).toBe(200);
  const body = searchResponseSchema.parse(res.body);
  expect(body.hits).toHaveLength(1);
  expect(body.hits[0]).toMatchObject({
    id: EXAMPLE_ARTICLE.id,
    title: EXAMPLE_ARTICLE.title,
    source: EXAMPLE_ARTICLE.source,
    place: EXAMPLE_ARTICLE.place,
    published_at: EXAMPLE_ARTICLE.published_at,
    script: EXAMPLE_ARTICLE.script,
    path: EXAMPLE_ARTICLE.path,
    story_id: EXAMPLE_ARTICLE.id,
    version_count: 1,
    versions: [],
  });
});
