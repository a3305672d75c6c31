// Stories through the API on the real engine: the five seeds and two other outlets' copies of
// seed 000 (one in Simplified from 大河网, one from 鲁网), indexed by the real indexer.
// Collapsed (the default) a story is one hit with its versions; facets count stories; pages
// and cursors walk stories; collapse=false lists every article.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { ROOT } from '../../src/config';
import { runIndexer } from '../../src/indexer/indexer';
import { succeeded } from '../../src/indexer/report';
import { foldScript } from '../../src/normalize/detect-script';
import { searchResponseSchema, type SearchResponse } from '../../src/search/wire';
import { testClient, testIndexName } from '../support/es';
import { getJson, qs, startApp, type RunningApp } from './harness';

jest.setTimeout(60_000);

let client: Client;
let app: RunningApp;
let alias: string;
let copies: string;

beforeAll(async () => {
  client = testClient();
  const seed = readFileSync(join(ROOT, 'corpus', '000_beaf62465669dfcc.txt'), 'utf8');
  copies = mkdtempSync(join(tmpdir(), 'stories-'));
  // Each outlet in a folder of its own, as a crawl keeps them (a folder's repeated lines are
  // chrome to the normalizer).
  for (const [outlet, text] of [
    ['dahe', foldScript(seed).replaceAll('映象网', '大河网')],
    ['lu', seed.replaceAll('映象網', '鲁网')],
  ] as const) {
    mkdirSync(join(copies, outlet));
    writeFileSync(join(copies, outlet, '000.txt'), text);
  }
  alias = testIndexName('api-stories');
  const report = await runIndexer({ client, alias, paths: [join(ROOT, 'corpus'), copies] });
  if (!succeeded(report)) throw new Error(`indexing failed: ${JSON.stringify(report.failures)}`);
  expect(report).toMatchObject({ indexed: 7, duplicates: 0, joinedStory: 2 });
  app = await startApp(client, alias);
});

afterAll(async () => {
  await app?.close();
  if (alias) {
    const aliases = await client.indices.getAlias({ name: alias });
    for (const index of Object.keys(aliases)) await client.indices.delete({ index });
  }
  if (copies) rmSync(copies, { recursive: true, force: true });
  await client?.close();
});

async function search(params: Parameters<typeof qs>[0]): Promise<SearchResponse> {
  const res = await getJson<SearchResponse>(`${app.url}/api/search?${qs(params)}`);
  expect(res.status).toBe(200);
  return searchResponseSchema.parse(res.body);
}

const sources = (res: SearchResponse) =>
  Object.fromEntries(res.facets.source.map((b) => [b.value, b.count]));

test('a story is one hit, its other outlets listed as versions', async () => {
  const res = await search({ q: '郑凯' });
  expect(res).toMatchObject({ collapsed: true, total: 3, stories: 1, facet_counts: 'stories' });
  expect(res.hits).toHaveLength(1);
  const [hit] = res.hits;
  expect(hit!.version_count).toBe(3);
  expect(hit!.versions.map((v) => v.source).sort()).toEqual(
    ['映象網', '大河网', '鲁网'].filter((s) => s !== hit!.source).sort(),
  );
  expect(hit!.versions.map((v) => v.id)).not.toContain(hit!.id);
  expect(new Set([hit!.story_id, ...hit!.versions.map((v) => v.id)]).size).toBe(3);
  // One story in one place: the place facet counts it once.
  expect(res.facets.place.find((b) => b.value === '荥阳')?.count).toBe(1);
});

test('collapse=false lists every article, and the facets count articles', async () => {
  const res = await search({ q: '郑凯', collapse: 'false' });
  expect(res).toMatchObject({ collapsed: false, total: 3, stories: null });
  expect(res.facet_counts).toBe('articles');
  expect(res.hits).toHaveLength(3);
  expect(new Set(res.hits.map((h) => h.story_id)).size).toBe(1);
  for (const hit of res.hits) expect(hit).toMatchObject({ version_count: 1, versions: [] });
  expect(res.facets.place.find((b) => b.value === '荥阳')?.count).toBe(3);
  expect(sources(res)).toMatchObject({ 映象网: 1, 大河网: 1, 鲁网: 1 });
});

test('pages and cursors walk stories, each once', async () => {
  const all = await search({ q: '疫情', size: 50 });
  expect(all.stories).toBe(all.hits.length);
  expect(all.total).toBe(all.hits.length + 2);
  expect(all.hits.length).toBeGreaterThan(2);
  const expected = all.hits.map((h) => h.story_id);

  const byPage: string[] = [];
  for (let page = 1; byPage.length < expected.length; page++) {
    const res = await search({ q: '疫情', size: 2, page });
    expect(res.hits.length).toBeGreaterThan(0);
    byPage.push(...res.hits.map((h) => h.story_id));
  }
  expect(byPage).toEqual(expected);

  const byCursor: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await search({ q: '疫情', size: 2, ...(cursor && { cursor }) });
    byCursor.push(...res.hits.map((h) => h.story_id));
    cursor = res.next_cursor ?? undefined;
  } while (cursor);
  expect(byCursor).toEqual(expected);

  // A cursor of a collapsed search does not continue an uncollapsed one.
  const first = await search({ q: '疫情', size: 2 });
  const mismatch = await getJson<{ error: string }>(
    `${app.url}/api/search?${qs({ q: '疫情', size: 2, collapse: 'false', cursor: first.next_cursor! })}`,
  );
  expect(mismatch.status).toBe(400);
});
