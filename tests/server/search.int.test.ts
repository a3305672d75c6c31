// GET /api/search and GET /api/articles/:id on the real engine, the seeds as corpus.
import { convertText, escapeHtml } from '../../src/search/output-script';
import {
  articleResponseSchema,
  searchResponseSchema,
  type ArticleResponse,
  type SearchResponse,
} from '../../src/search/wire';
import { getJson, qs, useSeededApp } from './harness';
import { SEED_NAMES, type SeedName } from '../fixtures/seeds';

// A cap per test below the run's 120 s: indexing the seeds takes seconds, not minutes.
jest.setTimeout(60_000);

const api = useSeededApp('api-search');

async function search(params: Parameters<typeof qs>[0]): Promise<SearchResponse> {
  const res = await getJson<SearchResponse>(`${api.url}/api/search?${qs(params)}`);
  expect(res.status).toBe(200);
  // The response is what the OpenAPI document says it is.
  return searchResponseSchema.parse(res.body);
}

const seedsOf = (res: SearchResponse): SeedName[] => res.hits.map((h) => api.seedOf(h.id));
const hitOf = (res: SearchResponse, seed: SeedName) => res.hits.find((h) => h.id === api.ids[seed]);
/** Fragments with the highlight tags taken out: the text that must be escaped. */
const unmarked = (html: string) => html.replace(/<\/?mark>/g, '');

describe('across scripts', () => {
  test('郑凯 (Simplified) finds seed 000, which writes 鄭凱, highlighted in Traditional', async () => {
    const res = await search({ q: '郑凯' });
    expect(seedsOf(res)).toEqual(['000']);
    const hit = hitOf(res, '000')!;
    expect(hit.fragments.join('')).toContain('<mark>鄭凱</mark>');
    expect(hit.fragments.join('')).not.toContain('郑凯');
  });

  test('陽穀 (Traditional) finds seed 004, which writes 阳谷', async () => {
    const res = await search({ q: '陽穀' });
    expect(seedsOf(res)[0]).toBe('004');
    expect(seedsOf(res)).toEqual(['004']);
    expect(hitOf(res, '004')!.title_html).toContain('<mark>阳谷</mark>');
  });

  test('漣源 and 涟源 both find seed 001, and only it', async () => {
    for (const q of ['漣源', '涟源']) {
      expect(seedsOf(await search({ q }))).toEqual(['001']);
    }
  });

  test('the output script converts titles and fragments but not the markup', async () => {
    const res = await search({ q: '郑凯', output_script: 'simplified' });
    const hit = hitOf(res, '000')!;
    expect(hit.fragments.join('')).toContain('<mark>郑凯</mark>');
    expect(hit.fragments.join('')).not.toMatch(/[鄭凱滎陽]/);
    expect(hit.title).toBe('荥阳:共产党员成为疫情防控主力军');

    const tw = await search({ q: '阳谷', output_script: 'taiwan' });
    expect(hitOf(tw, '004')!.title_html).toContain('<mark>陽穀</mark>');
  });
});

describe('the query language', () => {
  test('one character (疫) finds all five', async () => {
    const res = await search({ q: '疫' });
    expect(res.total).toBe(5);
    expect(new Set(seedsOf(res))).toEqual(new Set(SEED_NAMES));
  });

  test('the phrase "党员先锋队" finds exactly the two articles that contain it', async () => {
    const res = await search({ q: '"党员先锋队"' });
    expect(new Set(seedsOf(res))).toEqual(new Set(['002', '004']));
  });

  test('unquoted, 党员先锋队 ranks those two above articles with only its pieces', async () => {
    const res = await search({ q: '党员先锋队' });
    expect(res.total).toBeGreaterThan(2);
    expect(new Set(seedsOf(res).slice(0, 2))).toEqual(new Set(['002', '004']));
  });

  test('-漯河 leaves out seed 002', async () => {
    const res = await search({ q: '疫 -漯河' });
    expect(res.total).toBe(4);
    expect(seedsOf(res)).not.toContain('002');
    expect((await search({ q: '-漯河' })).total).toBe(4);
  });

  test('OR finds either side', async () => {
    const res = await search({ q: '漯河 OR 阳谷' });
    expect(new Set(seedsOf(res))).toEqual(new Set(['002', '004']));
  });

  test('the full-width minus and the dashes of a Chinese keyboard exclude like -', async () => {
    for (const q of ['疫 －漯河', '疫 —漯河', '疫 ——漯河']) {
      const res = await search({ q });
      expect(res.total).toBe(4);
      expect(seedsOf(res)).not.toContain('002');
    }
  });

  test('lower-case or combines like OR', async () => {
    expect(new Set(seedsOf(await search({ q: '漣源 or 阳谷' })))).toEqual(new Set(['001', '004']));
  });

  test('a match in the title outranks matches in the body', async () => {
    // 众志成城 is in 004's title and in the bodies of 001 and 003.
    const res = await search({ q: '众志成城' });
    expect(res.total).toBeGreaterThan(1);
    expect(seedsOf(res)[0]).toBe('004');
  });
});

describe('highlighting', () => {
  test('marks the match and escapes everything else, as the engine wrote it', async () => {
    // 002's title is 同心战"疫" 漯河静谧街道流动着亮眼"党旗红", with ASCII quotes.
    const res = await search({ q: '党旗红' });
    const hit = hitOf(res, '002')!;
    expect(hit.title_html).toContain('<mark>党旗红</mark>');
    expect(hit.title_html).toContain('&quot;');
    for (const html of [hit.title_html, ...hit.fragments]) {
      expect(unmarked(html)).not.toMatch(/[<>"]/);
    }
  });

  test('a title without a match comes back escaped, and the body opening stands in', async () => {
    const res = await search({ q: '疫', size: 5 });
    for (const hit of res.hits) {
      expect(unmarked(hit.title_html)).not.toMatch(/[<>"]/);
      expect(hit.fragments.length).toBeGreaterThan(0);
    }
  });
});

describe('fragments', () => {
  const ELLIPSIS = '…';
  const text = (html: string) =>
    unmarked(html).replace(/&(quot|amp|lt|gt|#39|#x27);/g, (e) =>
      e === '&quot;' ? '"' : e === '&amp;' ? '&' : e === '&lt;' ? '<' : e === '&gt;' ? '>' : "'",
    );

  test('start at a sentence or clause start, never on punctuation, with … where text was cut', async () => {
    let cut = 0;
    let whole = 0;
    // 先锋 in 000 is in a sentence of some 150 characters: at the engine's own fragment size
    // its second passage started on the comma (,發揮好<mark>先鋒</mark>…).
    for (const q of ['先锋', '疫情', '防控', '郑凯', '党员']) {
      const res = await search({ q, size: 10 });
      for (const hit of res.hits) {
        const article = await getJson<ArticleResponse>(`${api.url}/api/articles/${hit.id}`);
        for (const fragment of hit.fragments) {
          const leading = fragment.startsWith(ELLIPSIS);
          const trailing = fragment.endsWith(ELLIPSIS);
          const shown = text(fragment).slice(leading ? 1 : 0, trailing ? -1 : undefined);
          expect(shown).not.toMatch(/^[\s,，;；:：。！？!?、”」』)）]/);
          const para = article.body.body.find((p) => p.includes(shown));
          expect(para).toBeDefined();
          const at = para!.indexOf(shown);
          const before = para!.slice(0, at).replace(/[\s”」』)）]+$/, '');
          const after = para!.slice(at + shown.length);
          if (leading) {
            expect(before).toMatch(/[,，;；:：]$/);
            cut++;
          } else {
            expect(before === '' || /[。！？!?…]$/.test(before)).toBe(true);
            whole++;
          }
          // An end without … ends a sentence or the paragraph.
          if (!trailing && after.replace(/^[\s”」』)）]+/, '') !== '') {
            expect(shown).toMatch(/[。！？!?…][”」』)）]*$/);
          }
        }
      }
    }
    // Both kinds occur on the seeds, so both branches above were checked.
    expect(cut).toBeGreaterThan(0);
    expect(whole).toBeGreaterThan(0);
  });
});

describe('facets and filters', () => {
  test('counts sources, places and years, and filtering by one narrows to its count', async () => {
    const all = await search({ q: '疫' });
    const bySource = all.facets.source;
    expect(bySource.length).toBeGreaterThan(1);
    expect(bySource.reduce((n, b) => n + b.count, 0)).toBeLessThanOrEqual(5);
    for (const bucket of bySource) {
      const filtered = await search({ q: '疫', source: bucket.value });
      expect(filtered.total).toBe(bucket.count);
      // Hits show the source as written; the facet value is its folded (Simplified) form.
      expect(
        filtered.hits.every((h) => convertText(h.source!, 'simplified') === bucket.value),
      ).toBe(true);
    }
    const two = await search({ q: '疫', source: bySource.slice(0, 2).map((b) => b.value) });
    expect(two.total).toBe(bySource[0]!.count + bySource[1]!.count);
  });

  test('a source written in both scripts is one facet value, labelled in the output script', async () => {
    // Seed 000 writes 映象網, seed 003 映象网.
    const all = await search({ q: '疫' });
    expect(all.facets.source.filter((b) => b.value.startsWith('映象'))).toEqual([
      { value: '映象网', label: '映象网', count: 2, selected: false },
    ]);
    expect(new Set(all.hits.map((h) => h.source))).toEqual(
      new Set(['映象網', '映象网', '中國新報', '河南日报客户端', '鲁网']),
    );
    const traditional = await search({ q: '疫', output_script: 'traditional' });
    expect(traditional.facets.source.find((b) => b.value === '映象网')).toEqual({
      value: '映象网',
      label: '映象網',
      count: 2,
      selected: false,
    });
  });

  test('a source filter in either script finds the articles written in both', async () => {
    for (const source of ['映象網', '映象网']) {
      const res = await search({ q: '疫', source });
      expect(new Set(seedsOf(res))).toEqual(new Set(['000', '003']));
      // The one folded entry is ticked; the facet still lists the other sources to add.
      expect(res.facets.source.filter((b) => b.selected)).toEqual([
        { value: '映象网', label: '映象网', count: 2, selected: true },
      ]);
      expect(res.facets.source.length).toBeGreaterThan(1);
    }
    // A place too: seed 000 writes 滎陽.
    expect(seedsOf(await search({ q: '疫', place: '荥阳' }))).toEqual(['000']);
  });

  test('sources combine with OR, facets with AND, and a facet counts without its own choice', async () => {
    const all = await search({ q: '疫' });
    const count = (res: SearchResponse, facet: 'source' | 'people', value: string) =>
      res.facets[facet].find((b) => b.value === value)?.count;
    const two = await search({ q: '疫', source: ['映象网', '鲁网'] });
    expect(new Set(seedsOf(two))).toEqual(new Set(['000', '003', '004']));
    // The source facet still counts every source, as if none were chosen.
    expect(two.facets.source.map((b) => [b.value, b.count])).toEqual(
      all.facets.source.map((b) => [b.value, b.count]),
    );
    expect(two.facets.source.filter((b) => b.selected).map((b) => b.value)).toEqual([
      '映象网',
      '鲁网',
    ]);
    // Other facets count within the chosen sources: 2022 has 002 and 003, only 003 is chosen.
    expect(all.facets.year.find((y) => y.value === '2022')?.count).toBe(2);
    expect(two.facets.year.find((y) => y.value === '2022')?.count).toBe(1);

    const andPeople = await search({ q: '疫', source: ['映象网', '鲁网'], people: '連峰' });
    expect(seedsOf(andPeople)).toEqual(['004']);
    expect(count(andPeople, 'source', '映象网')).toBe(0);
    expect(count(andPeople, 'source', '鲁网')).toBe(1);
  });

  test('a people facet holds reporters, correspondents, editors and people named, folded by script', async () => {
    // 王文凱 reports 000, 蔣士勳 corresponds for it, 李新贺 edits 002, 鄭凱 is named in 000.
    for (const [name, seed] of [
      ['王文凯', '000'],
      ['王文凱', '000'],
      ['蒋士勋', '000'],
      ['李新贺', '002'],
      ['郑凯', '000'],
    ] as const) {
      const res = await search({ q: '疫', people: name, output_script: 'traditional' });
      expect(seedsOf(res)).toEqual([seed]);
      const entry = res.facets.people.find((b) => b.selected);
      expect(entry).toEqual(
        expect.objectContaining({ value: convertText(name, 'simplified'), count: 1 }),
      );
      expect(entry?.label).toBe(convertText(name, 'traditional'));
    }
    expect((await search({ q: '疫' })).facets.people.length).toBeGreaterThan(5);
  });

  test('filters by a date range, counted by the year facet', async () => {
    const all = await search({ q: '疫' });
    expect(all.facets.year.length).toBeGreaterThan(1);
    for (const { value: year, count } of all.facets.year) {
      const res = await search({ q: '疫', from: `${year}-01-01`, to: `${year}-12-31` });
      expect(res.total).toBe(count);
      expect(res.hits.every((h) => h.published_at?.startsWith(year))).toBe(true);
      // The year facet ignores its own selection: every year stays listed, this one ticked.
      expect(res.facets.year.map((y) => y.value)).toEqual(all.facets.year.map((y) => y.value));
      expect(res.facets.year.filter((y) => y.selected)).toEqual([
        { value: year, label: year, count, selected: true },
      ]);
    }
  });

  test('a day range includes the whole last day in China Standard Time', async () => {
    const dated = (await search({ q: '疫', sort: 'newest' })).hits.filter((h) => h.published_at);
    const newest = dated[0]!.published_at!;
    const day = newest.slice(0, 10);
    const res = await search({ q: '疫', from: day, to: day });
    expect(res.hits.map((h) => h.id)).toContain(dated[0]!.id);
  });

  test('filters by script', async () => {
    const all = await search({ q: '疫' });
    const traditional = await search({ q: '疫', script: 'traditional' });
    expect(traditional.total).toBe(all.hits.filter((h) => h.script === 'traditional').length);
    expect(traditional.hits.every((h) => h.script === 'traditional')).toBe(true);
  });
});

describe('sorting and paging', () => {
  test('newest first and oldest first order by date', async () => {
    const newest = await search({ q: '疫', sort: 'newest' });
    const dates = newest.hits.map((h) => h.published_at).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(newest.hits.every((h) => h.score === null)).toBe(true);
    const oldest = await search({ q: '疫', sort: 'oldest' });
    const ascending = oldest.hits.map((h) => h.published_at).filter((d) => d !== null);
    expect(ascending).toEqual([...dates].reverse());
  });

  for (const sort of ['relevance', 'newest'] as const) {
    test(`pages and the cursor each return every hit once (${sort})`, async () => {
      const all = await search({ q: '疫', sort, size: 5 });
      const byPage: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const res = await search({ q: '疫', sort, size: 2, page });
        expect(res.page).toBe(page);
        expect(res.total).toBe(5);
        byPage.push(...res.hits.map((h) => h.id));
        expect(res.next_cursor === null).toBe(page === 3);
      }
      expect(byPage).toEqual(all.hits.map((h) => h.id));

      const byCursor: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const res = await search({ q: '疫', sort, size: 2, cursor });
        byCursor.push(...res.hits.map((h) => h.id));
        if (res.next_cursor === null) break;
        cursor = res.next_cursor;
      }
      expect(byCursor).toEqual(byPage);
      expect(new Set(byCursor).size).toBe(5);
    });
  }

  test('a page past the end is empty, with the total still right', async () => {
    const res = await search({ q: '疫', size: 5, page: 2 });
    expect(res.hits).toEqual([]);
    expect(res.total).toBe(5);
    expect(res.next_cursor).toBeNull();
    // The last page the result window allows still answers.
    expect((await search({ q: '疫', size: 50, page: 200 })).hits).toEqual([]);
  });
});

describe('GET /api/articles/:id', () => {
  test('returns the whole article, converted on request', async () => {
    const url = `${api.url}/api/articles/${api.ids['000']}`;
    const original = await getJson<ArticleResponse>(url);
    expect(original.status).toBe(200);
    const article = articleResponseSchema.parse(original.body);
    expect(article.id).toBe(api.ids['000']);
    expect(article.title).toBe('滎陽:共產黨員成為疫情防控主力軍');
    expect(article.body.join('')).toContain('鄭凱');

    const simplified = await getJson<ArticleResponse>(`${url}?output_script=simplified`);
    expect(simplified.body.title).toBe('荥阳:共产党员成为疫情防控主力军');
    expect(simplified.body.body.join('')).toContain('郑凯');
    expect(simplified.body.body.length).toBe(article.body.length);
  });

  test('with q, marks its matches in its own script and in the output script', async () => {
    const url = `${api.url}/api/articles/${api.ids['000']}`;
    const own = articleResponseSchema.parse((await getJson(`${url}?q=郑凯`)).body);
    const marks = (html: string[]) => html.join('').match(/<mark>[^<]*<\/mark>/g) ?? [];
    // 鄭凱 stands nine times in the body of 000; every paragraph is there, marked or escaped.
    expect(marks(own.body_html)).toEqual(Array(9).fill('<mark>鄭凱</mark>'));
    expect(own.body_html).toHaveLength(own.body.length);
    expect(own.body_html.map((p) => p.replace(/<\/?mark>/g, ''))).toEqual(own.body.map(escapeHtml));
    const simplified = articleResponseSchema.parse(
      (await getJson(`${url}?q=鄭凱&output_script=simplified`)).body,
    );
    expect(new Set(marks(simplified.body_html))).toEqual(new Set(['<mark>郑凯</mark>']));
    expect(simplified.source).toBe('映象网');
    expect(simplified.reporters).toEqual(['王文凯']);
    // Without q, nothing is marked.
    expect(marks(articleResponseSchema.parse((await getJson(url)).body).body_html)).toEqual([]);
  });
});
