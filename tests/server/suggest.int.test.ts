// GET /api/suggest on the real engine, the seeds as corpus.
import {
  errorResponseSchema,
  suggestResponseSchema,
  type SuggestResponse,
} from '../../src/search/wire';
import { getJson, qs, useSeededApp } from './harness';

jest.setTimeout(60_000);

const api = useSeededApp('api-suggest');

async function suggest(params: Parameters<typeof qs>[0]): Promise<SuggestResponse['suggestions']> {
  const res = await getJson(`${api.url}/api/suggest?${qs(params)}`);
  expect(res.status).toBe(200);
  return suggestResponseSchema.parse(res.body).suggestions;
}

const labels = (s: SuggestResponse['suggestions'], kind: string) =>
  s.filter((x) => x.kind === kind).map((x) => x.label);

test('郑 suggests the person 鄭凱 across scripts, named in the text of seed 000', async () => {
  const simplified = await suggest({ q: '郑' });
  expect(simplified).toContainEqual({ kind: 'person', value: '郑凯', label: '郑凯', count: 1 });
  expect(labels(await suggest({ q: '郑', output_script: 'traditional' }), 'person')).toContain(
    '鄭凱',
  );
  // Typed in Traditional, the same person.
  expect(labels(await suggest({ q: '鄭' }), 'person')).toContain('郑凯');
});

test('漣 and 涟 suggest the place 涟源, where seed 001 reports from (its lead opens with it)', async () => {
  for (const q of ['漣', '涟']) {
    expect(await suggest({ q })).toContainEqual({
      kind: 'place',
      value: '涟源',
      label: '涟源',
      count: 1,
    });
  }
  // In the article's script when asked for it, as for people.
  expect(labels(await suggest({ q: '涟', output_script: 'traditional' }), 'place')).toEqual([
    '漣源',
  ]);
});

test('names of every kind: people from bylines, sources and places, counted by article', async () => {
  const wang = await suggest({ q: '王' });
  // 王文凱 (reporter of 000) and 王效光 (a mayor named in 000).
  expect(labels(wang, 'person')).toEqual(expect.arrayContaining(['王文凯', '王效光']));
  // 映象網 (000) and 映象网 (003) are one source of two articles.
  expect(await suggest({ q: '映象' })).toContainEqual({
    kind: 'source',
    value: '映象网',
    label: '映象网',
    count: 2,
  });
  expect(labels(await suggest({ q: '滎' }), 'place')).toEqual(['荥阳']);
});

test('within a kind, the name more articles carry comes first', async () => {
  // Sorted by count within each kind (the engine's terms order, kept by the shaping).
  const sources = (await suggest({ q: '映' })).filter((s) => s.kind === 'source');
  const counts = sources.map((s) => s.count);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  const people = (await suggest({ q: '王' })).filter((s) => s.kind === 'person');
  expect(people.map((p) => p.count)).toEqual([...people.map((p) => p.count)].sort((a, b) => b - a));
});

test('titles containing what was typed, with the article each belongs to', async () => {
  const titles = (await suggest({ q: '阳谷' })).filter((s) => s.kind === 'title');
  expect(titles).toEqual([
    expect.objectContaining({
      label: '这就是山东|阳谷:逆风飞扬党旗飘 众志成城“战”疫情',
      article_id: api.ids['004'],
    }),
  ]);
  const traditional = (await suggest({ q: '陽穀', output_script: 'traditional' })).filter(
    (s) => s.kind === 'title',
  );
  expect(traditional.map((t) => t.article_id)).toEqual([api.ids['004']]);
});

test('the same 400 rules as search', async () => {
  for (const [query, parameter, code] of [
    [`q=${'郑'.repeat(501)}`, 'q', 'too_big'],
    ['q=*', 'q', 'nothing_searchable'],
    ['q=%E9%83%91&fields=title', 'fields', 'unknown_parameter'],
    ['q=%E9%83%91&size=99', 'size', 'too_big'],
  ] as const) {
    const res = await getJson(`${api.url}/api/suggest?${query}`);
    expect(res.status).toBe(400);
    const body = errorResponseSchema.parse(res.body);
    expect(body.parameter).toBe(parameter);
    expect(body.issues?.[0]?.code).toBe(code);
  }
});

test('is in the OpenAPI document', async () => {
  const doc = (await getJson<{ paths: Record<string, unknown> }>(`${api.url}/api/openapi.json`))
    .body;
  expect(doc.paths['/api/suggest']).toEqual(
    expect.objectContaining({ get: expect.objectContaining({ parameters: expect.any(Array) }) }),
  );
});
