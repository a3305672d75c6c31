// The index definition on the real engine: what the analyzers make of Traditional,
// Simplified and mixed text, that match and match_phrase line up across scripts, and that
// the keyword fields fold too (one facet value, filters matching either script).
import type { Client, estypes } from '@elastic/elasticsearch';
import {
  INDEX_ANALYZER,
  KEYWORD_NORMALIZER,
  loadIndexDefinition,
  PHRASE_ANALYZER,
  SEARCH_ANALYZER,
} from '../../src/indexer/definition';
import { testClient, testIndexName } from '../support/es';

// A cap per test below the run's 120 s: a run against the engine takes seconds, not minutes.
jest.setTimeout(60_000);

type Token = Pick<estypes.IndicesAnalyzeAnalyzeToken, 'token' | 'position'>;

describe('the index definition on Elasticsearch', () => {
  let client: Client;
  const index = testIndexName('analysis');

  const analyze = async (analyzer: string, text: string): Promise<Token[]> => {
    const { tokens } = await client.indices.analyze({ index, analyzer, text });
    return (tokens ?? []).map(({ token, position }) => ({ token, position }));
  };
  const ids = async (query: estypes.QueryDslQueryContainer) => {
    const res = await client.search({ index, query, sort: ['_doc'] });
    return res.hits.hits.map((hit) => hit._id);
  };

  beforeAll(async () => {
    client = testClient();
    const definition = loadIndexDefinition();
    await client.indices.create({
      index,
      settings: definition.settings,
      mappings: definition.mappings,
    });
    const docs: Record<string, string> = {
      trad: '滎陽市司法局社區矯正科科長鄭凱駕車前往防疫服務站',
      simp: '山东阳谷县成立党员先锋队，涟源市乾隆年间古迹',
      pieces: '先锋模范作用，党员干部组建突击队',
      width: 'ＣＯＶＩＤ－１９疫情',
    };
    // Names as sources write them: the same publisher in both scripts, in full-width letters.
    const names: Record<string, object> = {
      trad: { source: '映象網', place: '滎陽', people: ['鄭凱', '王文凱'] },
      simp: { source: '映象网', place: '阳谷', people: ['郑凯'] },
      width: { source: 'ＣＣＴＶ', keywords: ['COVID-19'] },
    };
    for (const [id, body] of Object.entries(docs)) {
      await client.index({ index, id, document: { id, title: '', body: [body], ...names[id] } });
    }
    await client.indices.refresh({ index });
  });

  afterAll(async () => {
    await client.indices.delete({ index, ignore_unavailable: true });
    await client.close();
  });

  test('indexes Traditional text folded to Simplified, as unigrams and bigrams', async () => {
    expect(await analyze(INDEX_ANALYZER, '鄭凱')).toEqual([
      { token: '郑', position: 0 },
      { token: '郑凯', position: 0 },
      { token: '凯', position: 1 },
    ]);
  });

  test('keeps the offsets of the original text, so highlights stay in its script', async () => {
    const { tokens } = await client.indices.analyze({
      index,
      analyzer: INDEX_ANALYZER,
      text: '科長鄭凱',
    });
    const bigram = tokens?.find((t) => t.token === '郑凯');
    expect([bigram?.start_offset, bigram?.end_offset]).toEqual([2, 4]);
  });

  test('searches with bigrams only, and a lone character as a unigram', async () => {
    expect(await analyze(SEARCH_ANALYZER, '郑凯')).toEqual([{ token: '郑凯', position: 0 }]);
    expect(await analyze(SEARCH_ANALYZER, '党员先锋队')).toEqual([
      { token: '党员', position: 0 },
      { token: '员先', position: 1 },
      { token: '先锋', position: 2 },
      { token: '锋队', position: 3 },
    ]);
    expect(await analyze(SEARCH_ANALYZER, '疫')).toEqual([{ token: '疫', position: 0 }]);
  });

  test('folds each character to its class, one to one: 乾, 幹 and 干 alike, 著 and 着 alike', async () => {
    expect((await analyze(SEARCH_ANALYZER, '乾隆')).map((t) => t.token)).toEqual(['干隆']);
    expect((await analyze(SEARCH_ANALYZER, '乾燥')).map((t) => t.token)).toEqual(['干燥']);
    expect((await analyze(SEARCH_ANALYZER, '陽穀')).map((t) => t.token)).toEqual(['阳谷']);
    expect((await analyze(SEARCH_ANALYZER, '看著')).map((t) => t.token)).toEqual(['看着']);
  });

  test('analyzes a quoted phrase as its characters, at the positions the index gives them', async () => {
    // The index puts each character at its own position, punctuation or not; so does the
    // phrase analyzer, so a phrase lines up whether either side has the comma.
    for (const text of ['光，疑是', '光疑是', '光, 疑是']) {
      expect(await analyze(PHRASE_ANALYZER, text)).toEqual([
        { token: '光', position: 0 },
        { token: '疑', position: 1 },
        { token: '是', position: 2 },
      ]);
    }
    const indexed = await analyze(INDEX_ANALYZER, '光，疑是');
    expect(indexed.filter((t) => t.token.length === 1)).toEqual([
      { token: '光', position: 0 },
      { token: '疑', position: 1 },
      { token: '是', position: 2 },
    ]);
  });

  test('finds a phrase across punctuation, with or without it in the query', async () => {
    for (const query of ['党员先锋队，涟源', '党员先锋队涟源', '黨員先鋒隊, 漣源']) {
      expect([query, await ids({ match_phrase: { body: query } })]).toEqual([query, ['simp']]);
    }
    // Still a phrase: the characters in order, nothing between them but punctuation.
    expect(await ids({ match_phrase: { body: '先锋队涟' } })).toEqual(['simp']);
    expect(await ids({ match_phrase: { body: '先锋涟源' } })).toEqual([]);
  });

  test('folds full-width forms and case', async () => {
    expect((await analyze(SEARCH_ANALYZER, 'ＣＯＶＩＤ－１９')).map((t) => t.token)).toEqual([
      'covid',
      '19',
    ]);
  });

  test('finds either script with the other', async () => {
    expect(await ids({ match: { body: '郑凯' } })).toEqual(['trad']);
    expect(await ids({ match: { body: '陽穀' } })).toEqual(['simp']);
    expect(await ids({ match: { body: '漣源' } })).toEqual(['simp']);
    expect(await ids({ match: { body: '乾隆' } })).toEqual(['simp']);
    expect(await ids({ match: { body: 'covid' } })).toEqual(['width']);
  });

  test('finds one character, in either script', async () => {
    expect(await ids({ match: { body: '疫' } })).toEqual(['trad', 'width']);
    expect(await ids({ match: { body: '鄭' } })).toEqual(['trad']);
  });

  test('matches a phrase only where it stands whole, across scripts', async () => {
    expect(await ids({ match_phrase: { body: '党员先锋队' } })).toEqual(['simp']);
    expect(await ids({ match_phrase: { body: '黨員先鋒隊' } })).toEqual(['simp']);
    expect(await ids({ match_phrase: { body: '司法局社區' } })).toEqual(['trad']);
    // Its pieces are in `pieces` too, but not together.
    expect((await ids({ match: { body: '党员先锋队' } })).sort()).toEqual(['pieces', 'simp']);
  });

  test('highlights the original Traditional text for a Simplified query', async () => {
    const res = await client.search<unknown>({
      index,
      query: { match_phrase: { body: '郑凯' } },
      highlight: { fields: { body: {} } },
    });
    expect(res.hits.hits[0]?.highlight?.body?.[0]).toContain('<em>鄭凱</em>');
  });

  describe('the keyword fields', () => {
    const normalize = async (text: string) =>
      (await client.indices.analyze({ index, normalizer: KEYWORD_NORMALIZER, text })).tokens?.map(
        (t) => t.token,
      );

    test('keep a name whole and fold it like the analyzers: script, width, case', async () => {
      expect(await normalize('映象網')).toEqual(['映象网']);
      expect(await normalize('乾隆年間')).toEqual(['干隆年间']);
      expect(await normalize('ＣＣＴＶ 新聞')).toEqual(['cctv 新闻']);
    });

    test('aggregate both scripts into one folded value', async () => {
      const res = await client.search({
        index,
        size: 0,
        aggs: { source: { terms: { field: 'source' } }, people: { terms: { field: 'people' } } },
      });
      const buckets = (name: string) =>
        (res.aggregations?.[name] as estypes.AggregationsStringTermsAggregate).buckets as {
          key: string;
          doc_count: number;
        }[];
      expect(buckets('source').map((b) => [b.key, b.doc_count])).toEqual([
        ['映象网', 2],
        ['cctv', 1],
      ]);
      expect(buckets('people').map((b) => [b.key, b.doc_count])).toEqual([
        ['郑凯', 2],
        ['王文凯', 1],
      ]);
    });

    test('match a term or terms filter written in either script', async () => {
      for (const source of ['映象網', '映象网']) {
        expect(await ids({ bool: { filter: [{ terms: { source: [source] } }] } })).toEqual([
          'trad',
          'simp',
        ]);
      }
      expect(await ids({ term: { place: '荥阳' } })).toEqual(['trad']);
      expect(await ids({ term: { people: '鄭凱' } })).toEqual(['trad', 'simp']);
      expect(await ids({ term: { source: 'cctv' } })).toEqual(['width']);
      expect(await ids({ term: { keywords: 'ｃｏｖｉｄ－１９' } })).toEqual(['width']);
    });

    test('keep _source as written', async () => {
      const doc = await client.get<{ source: string }>({ index, id: 'trad' });
      expect(doc._source?.source).toBe('映象網');
    });
  });
});
