// Deep paging on a point in time, on the real engine: a reindex between two pages of a cursor
// neither repeats nor skips hits; a cursor whose point in time is gone is a 400 that says to
// start over.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIndexer } from '../../src/indexer/indexer';
import { decodeCursor } from '../../src/search/cursor';
import {
  searchResponseSchema,
  type ErrorResponse,
  type SearchResponse,
} from '../../src/search/wire';
import { article } from '../fixtures/articles';
import { getJson, qs, useSeededApp } from './harness';

// A cap per test below the run's 120 s: indexing the seeds and two reindexes take seconds.
jest.setTimeout(60_000);

// Collapsed by story (the default) a cursor holds an offset, uncollapsed the last hit's sort
// values: both read the point in time.
describe.each(['true', 'false'] as const)('collapse=%s', (collapse) => {
  const api = useSeededApp(`api-cursor-${collapse}`);

  /** All five seeds have 疫; oldest first, so where a changed date puts an article is known. */
  const QUERY = { q: '疫', sort: 'oldest', size: 1, collapse } as const;

  async function page(params: Parameters<typeof qs>[0]): Promise<SearchResponse> {
    const res = await getJson<SearchResponse>(`${api.url}/api/search?${qs(params)}`);
    expect(res.status).toBe(200);
    return searchResponseSchema.parse(res.body);
  }

  /** Every hit's id, reading on with the cursor from `from` to the end. */
  async function readOn(from: SearchResponse): Promise<string[]> {
    const ids: string[] = [];
    let res = from;
    while (res.next_cursor) {
      res = await page({ ...QUERY, cursor: res.next_cursor });
      ids.push(...res.hits.map((h) => h.id));
    }
    return ids;
  }

  /** Indexes articles beside the seeds, as `npm run index` on new files does (in place). */
  async function indexMore(articles: ReturnType<typeof article>[], rebuild = false) {
    const dir = mkdtempSync(join(tmpdir(), 'cursor-'));
    try {
      const file = join(dir, 'more.jsonl');
      writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
      const report = await runIndexer({
        client: api.client,
        alias: api.alias,
        paths: rebuild ? [join(__dirname, '../../corpus'), file] : [file],
        rebuild,
      });
      expect(report.failures).toEqual([]);
      return report;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const fresh = (id: string, publishedAt: string) =>
    article(id, {
      title: `疫情防控 ${id}`,
      body: [`${id} 的疫情防控消息。`],
      published_at: publishedAt,
    });

  test('a reindex between two pages of a cursor neither repeats nor skips hits', async () => {
    const before = (await page({ ...QUERY, size: 50 })).hits.map((h) => h.id);
    expect(before).toHaveLength(5);

    const first = await page(QUERY);
    // The first cursor has no point in time yet: following it opens one, carried on from there.
    expect(decodeCursor(first.next_cursor!)!.pit).toBeUndefined();
    const second = await page({ ...QUERY, cursor: first.next_cursor! });
    expect(decodeCursor(second.next_cursor!)!.pit).toEqual(expect.any(String));
    const shown = [...first.hits, ...second.hits].map((h) => h.id);
    expect(shown).toEqual(before.slice(0, 2));

    // The reindex: new articles in between and after the seeds' dates, the first article shown
    // moved to the end and the next one not yet shown moved to the very start.
    const report = await indexMore([
      fresh('cursor-mid', '2021-01-01T08:00:00+08:00'),
      fresh('cursor-late', '2030-01-01T08:00:00+08:00'),
    ]);
    expect(report.plan.mode).toBe('in-place');
    await api.client.update({
      index: api.alias,
      id: before[0]!,
      doc: { published_at: '2031-01-01T08:00:00+08:00' },
    });
    await api.client.update({
      index: api.alias,
      id: before[2]!,
      doc: { published_at: '1999-01-01T08:00:00+08:00' },
    });
    await api.client.indices.refresh({ index: api.alias });

    // Live, the order has changed: reading on after the last hit shown without the point in
    // time would repeat before[0], skip before[2] and show the new articles...
    const live = (await page({ ...QUERY, size: 50 })).hits.map((h) => h.id);
    expect(live).toHaveLength(7);
    const afterCursor = live.slice(live.indexOf(before[1]!) + 1);
    expect(afterCursor).toContain(before[0]);
    expect(afterCursor).not.toContain(before[2]);
    expect(afterCursor.length).toBeGreaterThan(before.length - 2);
    // ...but the cursor reads on in the index as it was when it opened its point in time.
    const rest = await readOn(second);
    expect([...shown, ...rest]).toEqual(before);
  });

  test('a cursor whose point in time was closed is a 400 that says to start over', async () => {
    const first = await page(QUERY);
    const second = await page({ ...QUERY, cursor: first.next_cursor! });
    const pit = decodeCursor(second.next_cursor!)!.pit!;
    await api.client.closePointInTime({ id: pit });
    const res = await getJson<ErrorResponse>(
      `${api.url}/api/search?${qs({ ...QUERY, cursor: second.next_cursor! })}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.parameter).toBe('cursor');
    expect(res.body.issues?.[0]?.code).toBe('cursor_expired');
    expect(res.body.message).toMatch(/start the search again without cursor/);
    // Starting over works.
    expect((await page(QUERY)).hits).toHaveLength(1);
  });

  test('a rebuild (a new index, the old one deleted) ends open cursors the same way', async () => {
    const first = await page(QUERY);
    const second = await page({ ...QUERY, cursor: first.next_cursor! });
    const report = await indexMore([fresh('cursor-rebuild', '2021-06-01T08:00:00+08:00')], true);
    expect(report.plan.mode).toBe('rebuild');
    expect(report.deletedIndices).toHaveLength(1);
    const res = await getJson<ErrorResponse>(
      `${api.url}/api/search?${qs({ ...QUERY, cursor: second.next_cursor! })}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.issues?.[0]?.code).toBe('cursor_expired');
  });

  test('the last page closes its point in time', async () => {
    const all = await page({ ...QUERY, size: 50 });
    let res = await page({ ...QUERY, size: all.total - 1 });
    res = await page({ ...QUERY, size: all.total - 1, cursor: res.next_cursor! });
    expect(res.next_cursor).toBeNull();
    // Nothing left open: the engine counts the point-in-time contexts it holds.
    const stats = await api.client.nodes.stats({ metric: ['indices'], index_metric: ['search'] });
    // (point_in_time_current: in the engine's answer, not yet in the client's types)
    const open = Object.values(stats.nodes).reduce(
      (sum, node) =>
        sum +
        ((node.indices?.search as { point_in_time_current?: number } | undefined)
          ?.point_in_time_current ?? 0),
      0,
    );
    expect(open).toBe(0);
  });
});
