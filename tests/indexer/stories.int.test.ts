// Stories on the real engine: another outlet's copy is its own article in the same story, and
// the story ids come out the same whatever the order and batching of the run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { Article } from '../../src/article';
import { ROOT } from '../../src/config';
import { runIndexer } from '../../src/indexer/indexer';
import { countsAddUp, formatReport, succeeded } from '../../src/indexer/report';
import { isPhysicalIndexOf } from '../../src/indexer/lifecycle';
import { normalizeText, type FileResult } from '../../src/normalize/normalizer';
import { foldScript } from '../../src/normalize/detect-script';
import { testClient, testIndexName } from '../support/es';
import { article } from '../fixtures/articles';

jest.setTimeout(60_000);

const SEED_000 = join(ROOT, 'corpus', '000_beaf62465669dfcc.txt');

async function* files(...results: FileResult[]): AsyncGenerator<FileResult> {
  yield* results;
}
const file = (path: string, articles: Article[]): FileResult => ({ path, articles, warnings: [] });

/** Seeded pseudo-text: paragraphs of Han characters that share no shingle by chance. */
function paragraphs(seed: number, count: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: count }, () =>
    Array.from({ length: 60 }, () => String.fromCodePoint(0x4e00 + (next() % 20000))).join(''),
  );
}

describe('stories in the indexer', () => {
  let client: Client;
  const aliases: string[] = [];
  const newAlias = (name: string) => {
    const alias = testIndexName(name);
    aliases.push(alias);
    return alias;
  };
  const storyIds = async (alias: string) => {
    await client.indices.refresh({ index: alias });
    const res = await client.search<{ id: string; story_id: string }>({
      index: alias,
      size: 100,
      _source: ['id', 'story_id'],
    });
    return new Map(res.hits.hits.map((h) => [h._source!.id, h._source!.story_id]));
  };

  beforeAll(() => {
    client = testClient();
  });
  afterAll(async () => {
    for (const alias of aliases) {
      const found = await client.indices.get({ index: `${alias}-*` });
      for (const index of Object.keys(found).filter((n) => isPhysicalIndexOf(alias, n))) {
        await client.indices.delete({ index });
      }
    }
    await client.close();
  });

  test('seed 000 and a Simplified copy from 大河网 are two articles of one story', async () => {
    const text = readFileSync(SEED_000, 'utf8');
    const original = normalizeText(text, 'corpus/000.txt').article;
    const copy = normalizeText(
      foldScript(text).replaceAll('映象网', '大河网'),
      'other/000-dahe.txt',
    ).article;
    expect(copy.source).toBe('大河网');
    const alias = newAlias('stories-seed');
    const run = () =>
      runIndexer({
        client,
        alias,
        paths: [],
        files: files(file(original.path, [original]), file(copy.path, [copy])),
      });
    const report = await run();
    expect(succeeded(report)).toBe(true);
    expect(countsAddUp(report)).toBe(true);
    expect(report).toMatchObject({ articlesRead: 2, indexed: 2, duplicates: 0, joinedStory: 1 });
    expect(formatReport(report)).toMatch(/duplicates: +0 .*\nstories: +1 of the articles written/s);
    const stories = await storyIds(alias);
    expect(stories.size).toBe(2);
    const story = [original.id, copy.id].sort()[0];
    expect(stories).toEqual(
      new Map([
        [original.id, story],
        [copy.id, story],
      ]),
    );
    // A re-run writes nothing and keeps the story.
    const again = await run();
    expect(again).toMatchObject({ indexed: 0, unchanged: 2, duplicates: 0, joinedStory: 0 });
    expect(await storyIds(alias)).toEqual(stories);
  });

  test('a new article resembling two stories merges them under the smallest id', async () => {
    const p = paragraphs(42, 15);
    // a and c share 5 of 15 paragraphs (too few); b holds all 15 and resembles both.
    const a = article('m-a', { title: '', body: p.slice(0, 10) });
    const c = article('m-c', { title: '', body: p.slice(5, 15), source: '鲁网' });
    const b = article('m-b', { title: '', body: p, source: '大河网' });
    const unrelated = article('m-0', { title: '', body: paragraphs(7, 10) });
    const alias = newAlias('stories-merge');
    const first = await runIndexer({
      client,
      alias,
      paths: [],
      batch: { maxDocs: 1, maxBytes: 1e9 },
      files: files(file('a', [a]), file('c', [c]), file('u', [unrelated])),
    });
    expect(first).toMatchObject({ indexed: 3, joinedStory: 0, storiesMerged: 0 });
    expect(await storyIds(alias)).toEqual(
      new Map([
        ['m-a', 'm-a'],
        ['m-c', 'm-c'],
        ['m-0', 'm-0'],
      ]),
    );
    const second = await runIndexer({ client, alias, paths: [], files: files(file('b', [b])) });
    expect(second).toMatchObject({ indexed: 1, unchanged: 0, joinedStory: 1, storiesMerged: 1 });
    expect(await storyIds(alias)).toEqual(
      new Map([
        ['m-a', 'm-a'],
        ['m-b', 'm-a'],
        ['m-c', 'm-a'],
        ['m-0', 'm-0'],
      ]),
    );

    // The same articles in the opposite order, one batch: the same stories.
    const other = newAlias('stories-merge-reversed');
    await runIndexer({
      client,
      alias: other,
      paths: [],
      files: files(file('b', [b]), file('u', [unrelated]), file('c', [c]), file('a', [a])),
    });
    expect(await storyIds(other)).toEqual(await storyIds(alias));
  });

  test('batches written while the next are grouped (bulk requests in flight) give the same stories', async () => {
    // Three stories of four versions (each version drops a different paragraph of eight, from
    // another outlet) and two articles alone; one article a batch, three requests open at once.
    const articles = [1, 2, 3].flatMap((story) => {
      const p = paragraphs(story * 100, 8);
      return [0, 2, 4, 6].map((drop) =>
        article(`f-${story}-${drop}`, {
          title: '',
          body: p.filter((_, i) => i !== drop),
          source: `outlet-${drop}`,
        }),
      );
    });
    articles.push(article('f-alone-1', { title: '', body: paragraphs(5, 8) }));
    articles.push(article('f-alone-2', { title: '', body: paragraphs(6, 8) }));
    const expected = new Map(
      articles.map((a) => [a.id, a.id.startsWith('f-alone') ? a.id : `${a.id.slice(0, 3)}-0`]),
    );
    let seed = 15;
    const shuffled = () =>
      articles
        .map((a) => ({ a, key: (seed = (seed * 1103515245 + 12345) % 2 ** 31) }))
        .sort((x, y) => x.key - y.key)
        .map(({ a }) => a);
    for (const [round, order] of [articles, shuffled(), shuffled()].entries()) {
      const alias = newAlias(`stories-in-flight-${round}`);
      const report = await runIndexer({
        client,
        alias,
        paths: [],
        batch: { maxDocs: 1, maxBytes: 1e9 },
        inFlight: 3,
        files: files(...order.map((a) => file(a.id, [a]))),
      });
      expect(report).toMatchObject({ indexed: 14, failed: 0, joinedStory: 9 });
      expect(await storyIds(alias)).toEqual(expected);
    }
  });
});
