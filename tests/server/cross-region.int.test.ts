// Cross-region search through GET /api/search: phrases across punctuation, and regional
// vocabulary (the article's own word first, highlighted as the article writes it).
import { searchResponseSchema, type SearchResponse } from '../../src/search/wire';
import { getJson, qs, useSeededApp } from './harness';
import { SEED_NAMES } from '../fixtures/seeds';

jest.setTimeout(60_000);

/** Articles beside the seeds: a poem line, and one story in mainland and Taiwan words. */
const EXTRA = {
  poem: ['traditional', '床前明月光，疑是地上霜。舉頭望明月，低頭思故鄉。'],
  mainland: ['simplified', '这家公司的软件和服务器都出了问题，工程师正在修复。'],
  taiwan: ['traditional', '這家公司的軟體和伺服器都出了問題，工程師正在修復。'],
} as const;

const api = useSeededApp('api-cross-region', async (client, alias) => {
  for (const [id, [script, body]] of Object.entries(EXTRA)) {
    // Each its own story, as the indexer would file a text no other resembles.
    const document = { id, title: '', body: [body], script, path: `extra/${id}.txt`, story_id: id };
    await client.index({ index: alias, id, document });
  }
  await client.indices.refresh({ index: alias });
});

async function search(q: string): Promise<SearchResponse> {
  const res = await getJson<SearchResponse>(`${api.url}/api/search?${qs({ q })}`);
  expect(res.status).toBe(200);
  return searchResponseSchema.parse(res.body);
}
const ids = (res: SearchResponse) => res.hits.map((h) => h.id);

describe('a quoted phrase across punctuation', () => {
  test.each([
    '"遭遇車禍,經搶救無效"',
    '"遭遇車禍，經搶救無效"',
    '"遭遇車禍經搶救無效"',
    '"遭遇车祸 经抢救无效"',
  ])('%s finds seed 000', async (q) => {
    expect(ids(await search(q))).toEqual([api.ids['000']]);
  });

  test('"床前明月光疑是地上霜", typed without the comma, finds the line that has it', async () => {
    expect(ids(await search('"床前明月光疑是地上霜"'))).toEqual(['poem']);
  });

  test('is still a phrase: the same characters in another order find nothing', async () => {
    expect(ids(await search('"疑是床前明月光"'))).toEqual([]);
  });

  test.each(SEED_NAMES)(
    'a sentence copied from seed %s with its punctuation finds it first',
    async (seed) => {
      const article = await api.client.get<{ body: string[] }>({
        index: api.alias,
        id: api.ids[seed],
      });
      // The first stretch of Chinese around a comma in the body: up to 8 characters either side
      // (a phrase cut inside a number or a Latin word could not match its tokens).
      const around = /\p{Script=Han}{2,8}[，,、]\p{Script=Han}{2,8}/u;
      const span = around.exec(article._source!.body.find((p) => around.test(p))!)![0];
      for (const q of [`"${span}"`, `"${span.replace(/[，,、]/u, '')}"`]) {
        const res = await search(q);
        expect([q, ids(res)[0]]).toEqual([q, api.ids[seed]]);
      }
    },
  );
});

describe('regional vocabulary', () => {
  test('软件 finds the Taiwan article that writes 軟體, below the one that writes 软件', async () => {
    const res = await search('软件');
    expect(ids(res)).toEqual(['mainland', 'taiwan']);
    const taiwan = res.hits.find((h) => h.id === 'taiwan')!;
    expect(taiwan.fragments.join('')).toContain('<mark>軟體</mark>');
  });

  test('軟體 ranks the Taiwan article first, and marks 软件 in the mainland one', async () => {
    const res = await search('軟體');
    expect(ids(res)).toEqual(['taiwan', 'mainland']);
    const mainland = res.hits.find((h) => h.id === 'mainland')!;
    expect(mainland.fragments.join('')).toContain('<mark>软件</mark>');
  });

  test('a quoted sentence in mainland words finds the Taiwan article, below its own', async () => {
    const res = await search('"软件和服务器都出了问题"');
    expect(ids(res)).toEqual(['mainland', 'taiwan']);
  });

  test('服务器 finds 伺服器 and the other way round', async () => {
    expect(ids(await search('伺服器'))).toEqual(['taiwan', 'mainland']);
    expect(ids(await search('服务器'))).toEqual(['mainland', 'taiwan']);
  });
});
