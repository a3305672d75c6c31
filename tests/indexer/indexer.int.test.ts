// The indexer on the real engine: the seeds in, re-runs that write nothing, rebuilds that
// swap the alias (also with rejected documents and unreadable files, reported), and runs
// that abort (an index closed or deleted midway, Ctrl-C) leaving the alias where it was.
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { Article } from '../../src/article';
import { ROOT } from '../../src/config';
import { loadIndexDefinition } from '../../src/indexer/definition';
import { runIndexer } from '../../src/indexer/indexer';
import { isPhysicalIndexOf } from '../../src/indexer/lifecycle';
import { countsAddUp, succeeded, type IndexReport } from '../../src/indexer/report';
import type { FileResult } from '../../src/normalize/normalizer';
import { testClient, testIndexName } from '../support/es';
import { article } from '../fixtures/articles';

const CORPUS = join(ROOT, 'corpus');

// A cap per test below the run's 120 s: a run against the engine takes seconds, not minutes.
jest.setTimeout(60_000);

describe('the indexer', () => {
  let client: Client;

  const aliasTarget = async (alias: string) =>
    Object.keys(await client.indices.getAlias({ name: alias }));
  const count = async (alias: string) => (await client.count({ index: alias })).count;
  const physicalIndices = async (alias: string) =>
    Object.keys(
      await client.indices.get({ index: `${alias}-*`, expand_wildcards: ['open', 'closed'] }),
    ).filter((name) => isPhysicalIndexOf(alias, name));
  const expectConsistent = (report: IndexReport) => {
    expect(countsAddUp(report)).toBe(true);
    expect(report.failures.length).toBe(report.failed + report.filesFailed);
  };
  async function* files(...results: FileResult[]): AsyncGenerator<FileResult> {
    yield* results;
  }
  const file = (path: string, articles: Article[]): FileResult => ({
    path,
    articles,
    warnings: [],
  });
  const removeAlias = async (alias: string) => {
    for (const index of await physicalIndices(alias)) await client.indices.delete({ index });
  };

  beforeAll(() => {
    client = testClient();
  });
  afterAll(async () => {
    await client.close();
  });

  describe('on the seeds', () => {
    const alias = testIndexName('indexer-seeds');
    let first: IndexReport;
    afterAll(() => removeAlias(alias));

    test('a first run builds an index behind the alias with the five seeds', async () => {
      first = await runIndexer({ client, alias, paths: [CORPUS] });
      expectConsistent(first);
      expect(succeeded(first)).toBe(true);
      expect(first.plan).toEqual({ mode: 'rebuild', reason: 'no-index' });
      expect(first).toMatchObject({ filesRead: 5, articlesRead: 5, indexed: 5, unchanged: 0 });
      expect(await aliasTarget(alias)).toEqual([first.index]);
      expect(first.index).toContain(loadIndexDefinition().hash);
      expect(await count(alias)).toBe(5);
    });

    test('a second run writes nothing and says every article was unchanged', async () => {
      const second = await runIndexer({ client, alias, paths: [CORPUS] });
      expectConsistent(second);
      expect(succeeded(second)).toBe(true);
      expect(second.plan).toEqual({ mode: 'in-place', index: first.index });
      expect(second).toMatchObject({ articlesRead: 5, indexed: 0, unchanged: 5, failed: 0 });
      expect(await count(alias)).toBe(5);
      const stats = await client.indices.stats({ index: first.index, metric: ['indexing'] });
      expect(stats._all.primaries?.indexing?.index_total).toBe(5);
    });

    test('--rebuild fills a new index, swaps the alias to it and deletes the old one', async () => {
      const rebuilt = await runIndexer({ client, alias, paths: [CORPUS], rebuild: true });
      expectConsistent(rebuilt);
      expect(succeeded(rebuilt)).toBe(true);
      expect(rebuilt.plan).toEqual({ mode: 'rebuild', reason: 'requested', previous: first.index });
      expect(rebuilt.indexed).toBe(5);
      expect(rebuilt.index).not.toBe(first.index);
      expect(await aliasTarget(alias)).toEqual([rebuilt.index]);
      expect(await client.indices.exists({ index: first.index })).toBe(false);
      expect(rebuilt.deletedIndices).toEqual([first.index]);
      expect(await physicalIndices(alias)).toEqual([rebuilt.index]);
      expect(await count(alias)).toBe(5);
    });
  });

  test('keeps the configured number of bulk requests open at once, no more', async () => {
    const alias = testIndexName('indexer-in-flight');
    const counted = testClient();
    let open = 0;
    let most = 0;
    counted.diagnostic.on('request', (_error, event) => {
      if (!event?.meta.request.params.path.endsWith('/_bulk')) return;
      open += 1;
      most = Math.max(most, open);
    });
    counted.diagnostic.on('response', (_error, event) => {
      if (event?.meta.request.params.path.endsWith('/_bulk')) open -= 1;
    });
    try {
      const many = Array.from({ length: 40 }, (_, i) => article(`f${i}`));
      const report = await runIndexer({
        client: counted,
        alias,
        paths: [],
        files: files(file('many', many)),
        batch: { maxDocs: 2, maxBytes: 1_000_000 },
        inFlight: 3,
        // Grouping into stories runs one batch at a time before its write (src/indexer/
        // stories.ts): with batches of two, a write ends before two more are grouped, and the
        // window would not fill. The window itself is what this test is about.
        stories: false,
      });
      expectConsistent(report);
      expect(report).toMatchObject({ indexed: 40, failed: 0 });
      expect(most).toBe(3);
      expect(await count(alias)).toBe(40);
    } finally {
      await counted.close();
      await removeAlias(alias);
    }
  });

  describe('when things go wrong', () => {
    const alias = testIndexName('indexer-fail');
    let live: string;
    const good = ['g1', 'g2', 'g3'].map((id) => article(id));
    afterAll(() => removeAlias(alias));

    beforeAll(async () => {
      const report = await runIndexer({ client, alias, paths: [], files: files(file('a', good)) });
      expect(succeeded(report)).toBe(true);
      live = report.index;
    });

    test('a rebuild with a rejected document and an unreadable file still goes live, both reported', async () => {
      const bad = article('bad', {
        published_at: 'the day after tomorrow',
        path: 'corpus/bad.txt',
      });
      const broken: FileResult = {
        path: 'corpus/broken.html',
        articles: [],
        warnings: [],
        error: 'not UTF-8',
      };
      const previous = live;
      const report = await runIndexer({
        client,
        alias,
        paths: [],
        rebuild: true,
        files: files(file('a', good), file('corpus/bad.txt', [bad]), broken),
      });
      // The later tests need to know the live index even if this one fails.
      const now = await aliasTarget(alias);
      live = now[0]!;
      expectConsistent(report);
      // Not a success, so the CLI exits 1...
      expect(succeeded(report)).toBe(false);
      expect(report.aborted).toBeUndefined();
      expect(report).toMatchObject({ articlesRead: 4, indexed: 3, failed: 1, filesFailed: 1 });
      // (The file is reported when read, the article when its batch comes back.)
      expect(report.failures).toHaveLength(2);
      expect(report.failures).toEqual(
        expect.arrayContaining([
          { path: 'corpus/bad.txt', id: 'bad', reason: expect.stringMatching(/published_at/) },
          { path: 'corpus/broken.html', reason: 'not UTF-8' },
        ]),
      );
      // ...but the new index is live, with every article but the rejected one.
      expect(report.index).not.toBe(previous);
      expect(report.aliasIndex).toBe(report.index);
      expect(now).toEqual([report.index]);
      expect(report.deletedIndices).toEqual([previous]);
      expect(await physicalIndices(alias)).toEqual([report.index]);
      expect(await count(alias)).toBe(3);
      const found = await client.search<{ id: string }>({
        index: alias,
        query: { match: { body: '第一段' } },
        _source: ['id'],
      });
      expect(found.hits.hits.map((hit) => hit._source?.id).sort()).toEqual(['g1', 'g2', 'g3']);
      expect(await client.exists({ index: alias, id: 'bad' })).toBe(false);
    });

    test('a first build with an unreadable file creates the alias all the same', async () => {
      const fresh = testIndexName('indexer-first');
      try {
        const report = await runIndexer({
          client,
          alias: fresh,
          paths: [],
          files: files(file('a', good), { ...file('corpus/gone.txt', []), error: 'cannot read' }),
        });
        expectConsistent(report);
        expect(succeeded(report)).toBe(false);
        expect(report.plan).toEqual({ mode: 'rebuild', reason: 'no-index' });
        expect(report.failures).toEqual([{ path: 'corpus/gone.txt', reason: 'cannot read' }]);
        expect(await aliasTarget(fresh)).toEqual([report.index]);
        expect(await count(fresh)).toBe(3);
      } finally {
        await removeAlias(fresh);
      }
    });

    test('a rebuild that indexes nothing while files fail (a mistyped folder) keeps the alias', async () => {
      const before = await aliasTarget(alias);
      const report = await runIndexer({
        client,
        alias,
        paths: [join(ROOT, 'corpsu')],
        rebuild: true,
      });
      expectConsistent(report);
      expect(succeeded(report)).toBe(false);
      expect(report.indexed).toBe(0);
      expect(report.filesFailed).toBe(1);
      expect(report.aborted).toMatch(/nothing was indexed/);
      expect(await aliasTarget(alias)).toEqual(before);
      expect(await count(alias)).toBe(3);
      expect(await physicalIndices(alias)).not.toContain(report.index);
    });

    test('in place, a rejected document is reported and the others are written', async () => {
      const changed = article('g1', { body: ['改過的正文'] });
      const bad = article('bad', { published_at: 'never', path: 'corpus/bad.txt' });
      const report = await runIndexer({
        client,
        alias,
        paths: [],
        files: files(file('a', [changed, good[1]!, bad])),
      });
      expectConsistent(report);
      expect(report.plan.mode).toBe('in-place');
      expect(report).toMatchObject({ indexed: 1, unchanged: 1, failed: 1 });
      expect(report.failures[0]).toMatchObject({ id: 'bad', path: 'corpus/bad.txt' });
      const stored = await client.get<{ body: string[] }>({ index: alias, id: 'g1' });
      expect(stored._source?.body).toEqual(['改過的正文']);
      expect(await aliasTarget(alias)).toEqual([live]);
    });

    test('the same article in two files is indexed once; re-runs write neither copy', async () => {
      const copy = (path: string) => file(path, [article('twin', { path })]);
      const run = () =>
        runIndexer({
          client,
          alias,
          paths: [],
          files: files(copy('a/twin.txt'), copy('b/twin.txt')),
        });
      const first = await run();
      expectConsistent(first);
      expect(first).toMatchObject({ articlesRead: 2, indexed: 1, duplicates: 1 });
      expect(first.warnings).toEqual([
        { path: 'b/twin.txt', warning: 'skipped: same article (twin) as one read earlier' },
      ]);
      const again = await run();
      expectConsistent(again);
      expect(again).toMatchObject({ indexed: 0, unchanged: 1, duplicates: 1 });
      const stored = await client.get<{ path: string }>({ index: alias, id: 'twin' });
      expect(stored._source?.path).toBe('a/twin.txt');
      await client.delete({ index: alias, id: 'twin', refresh: true });
    });

    test('a file normalization could not read is a failure with its reason', async () => {
      const report = await runIndexer({
        client,
        alias,
        paths: [],
        files: files({
          path: 'corpus/broken.html',
          articles: [],
          warnings: [],
          error: 'not UTF-8',
        }),
      });
      expectConsistent(report);
      expect(succeeded(report)).toBe(false);
      expect(report.filesFailed).toBe(1);
      expect(report.failures).toEqual([{ path: 'corpus/broken.html', reason: 'not UTF-8' }]);
    });

    /** Yields the articles a file at a time; runs `midway` after the second file. */
    async function* breakingMidway(midway: (newIndex: string) => Promise<void>) {
      const many = Array.from({ length: 8 }, (_, i) => article(`m${i}`));
      for (let i = 0; i < many.length; i++) {
        if (i === 2) {
          // The run's own index is the newest (names end in their creation time).
          const fresh = (await physicalIndices(alias)).sort().at(-1)!;
          expect(fresh).not.toBe(live);
          await midway(fresh);
        }
        yield file(`f${i}`, [many[i]!]);
      }
    }

    test('a run whose new index is closed midway aborts and leaves the alias where it was', async () => {
      let closed = '';
      const report = await runIndexer({
        client,
        alias,
        paths: [],
        rebuild: true,
        batch: { maxDocs: 1, maxBytes: 1e9 },
        files: breakingMidway(async (index) => {
          closed = index;
          await client.indices.close({ index });
        }),
      });
      expectConsistent(report);
      expect(report.index).toBe(closed);
      // Closed, or blocked while it closes: which one the next request meets is a race.
      expect(report.aborted).toMatch(/close/);
      expect(report.notSent).toBeGreaterThan(0);
      expect(await aliasTarget(alias)).toEqual([live]);
      expect(await client.indices.exists({ index: closed })).toBe(false);
      expect(await count(alias)).toBe(3);
    });

    test('a run whose new index is deleted midway aborts and leaves the alias where it was', async () => {
      const report = await runIndexer({
        client,
        alias,
        paths: [],
        rebuild: true,
        batch: { maxDocs: 1, maxBytes: 1e9 },
        files: breakingMidway(async (index) => {
          await client.indices.delete({ index });
        }),
      });
      expectConsistent(report);
      expect(report.aborted).toMatch(/index_not_found_exception|lost its definition/);
      expect(await aliasTarget(alias)).toEqual([live]);
      expect(await physicalIndices(alias)).toEqual([live]);
    });

    test('an interrupted rebuild (Ctrl-C) deletes its new index and leaves the alias', async () => {
      const interrupt = new AbortController();
      let fresh = '';
      const report = await runIndexer({
        client,
        alias,
        paths: [],
        rebuild: true,
        batch: { maxDocs: 1, maxBytes: 1e9 },
        signal: interrupt.signal,
        files: breakingMidway(async (index) => {
          fresh = index;
          interrupt.abort(new Error('interrupted (SIGINT)'));
        }),
      });
      expectConsistent(report);
      expect(report.aborted).toBe('interrupted (SIGINT)');
      expect(await aliasTarget(alias)).toEqual([live]);
      expect(await client.indices.exists({ index: fresh })).toBe(false);
    });

    // A read_only_allow_delete block (what the disk flood stage sets) makes the engine refuse
    // writes with 429: a real transient refusal.
    const block = (index: string, on: boolean) =>
      client.indices.putSettings({
        index,
        settings: { 'index.blocks.read_only_allow_delete': on ? true : null } as never,
      });

    test('transient refusals (429) are retried with backoff until they pass', async () => {
      await block(live, true);
      const lifted = new Promise((resolve) => setTimeout(resolve, 700)).then(() =>
        block(live, false),
      );
      const edited = good.map((a) => ({ ...a, body: ['擋住之後再寫'] }));
      const report = await runIndexer({
        client,
        alias,
        paths: [],
        retry: { budgetMs: 20_000, blockedMs: 20_000, baseDelayMs: 100, maxDelayMs: 800 },
        files: files(file('a', edited)),
      });
      await lifted;
      expectConsistent(report);
      expect(succeeded(report)).toBe(true);
      expect(report.indexed).toBe(3);
      // It got through only after the block was lifted, so it waited and tried again.
      expect(report.elapsedMs).toBeGreaterThanOrEqual(700);
      const stored = await client.get<{ body: string[] }>({ index: alias, id: 'g2' });
      expect(stored._source?.body).toEqual(['擋住之後再寫']);
    });

    test('a block that outlasts the retries stops the run, naming it; nothing live is lost', async () => {
      await block(live, true);
      try {
        const report = await runIndexer({
          client,
          alias,
          paths: [],
          retry: { budgetMs: 20_000, blockedMs: 100, baseDelayMs: 20, maxDelayMs: 50 },
          files: files(file('a', [article('late', { path: 'corpus/late.txt' })])),
        });
        expectConsistent(report);
        // The block the flood stage sets, set by hand here: named as the full disk it means.
        expect(report.aborted).toMatch(
          /^disk full: .*flood-stage.*cluster_block_exception: .*read-only-allow-delete/,
        );
        expect(report.notSent).toBe(1);
        expect(await aliasTarget(alias)).toEqual([live]);
        expect(await count(alias)).toBe(3);
      } finally {
        await block(live, false);
      }
    });

    test('a changed definition (another hash in _meta) makes the next run rebuild', async () => {
      await client.indices.putMapping({ index: live, _meta: { definition_hash: 'older' } });
      const report = await runIndexer({ client, alias, paths: [], files: files(file('a', good)) });
      expectConsistent(report);
      expect(report.plan).toEqual({
        mode: 'rebuild',
        reason: 'definition-changed',
        previous: live,
      });
      expect(await aliasTarget(alias)).toEqual([report.index]);
      expect(await client.indices.exists({ index: live })).toBe(false);
      expect(await count(alias)).toBe(3);
    });
  });
});
