// The CJK analysis components (cjk_width, cjk_bigram, the mapping char filter) behave as
// Elasticsearch documents them. The same file runs against the official image (where they come
// from the analysis-common module) and against our image (the analysis-cjk-standin plugin), so
// it asserts documented behaviour only; the one stand-in-only check says so.
import { errors, type estypes } from '@elastic/elasticsearch';
import { testClient, testIndexName } from '../support/es';

const client = testClient();

const T2S_RULES = ['鄭 => 郑', '凱 => 凯', '滎 => 荥', '陽 => 阳'];

afterAll(() => client.close());

/** The terms the request yields; with the standard tokenizer unless it names an analyzer. */
async function terms(request: estypes.IndicesAnalyzeRequest): Promise<string[]> {
  const withTokenizer = request.analyzer ? request : { tokenizer: 'standard', ...request };
  const { tokens } = await client.indices.analyze(withTokenizer);
  return (tokens ?? []).map((t) => t.token);
}

/** The error of a request that must fail; fails the test if it succeeds. */
async function failure(request: Promise<unknown>): Promise<errors.ResponseError> {
  const error: unknown = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(errors.ResponseError);
  return error as errors.ResponseError;
}

/** A request Elasticsearch rejects as a bad argument (HTTP 400); returns the reason. */
async function illegalArgument(request: Promise<unknown>): Promise<string> {
  const error = await failure(request);
  expect(error.statusCode).toBe(400);
  const body = error.body as { error: { type: string; reason: string } };
  expect(body.error.type).toBe('illegal_argument_exception');
  return body.error.reason;
}

describe('cjk_width', () => {
  test.each([
    ['full-width letters and digits', 'ＡＢＣ１２３', ['ABC123']],
    ['half-width katakana', 'ｶﾀｶﾅ', ['カタカナ']],
    ['a half-width voicing mark, joined', 'ｶﾞ', ['ガ']],
    ['Han, untouched', '鄭凱 郑凯', ['鄭', '凱', '郑', '凯']],
  ])('folds %s', async (_what, text, expected) => {
    expect(await terms({ filter: ['cjk_width'], text })).toEqual(expected);
  });
});

describe('cjk_bigram', () => {
  test.each([
    ['鄭凱', ['鄭凱']],
    ['郑凯', ['郑凯']],
    ['鄭', ['鄭']],
    ['滎陽市司法局', ['滎陽', '陽市', '市司', '司法', '法局']],
    ['荥阳滎陽', ['荥阳', '阳滎', '滎陽']],
    [
      '東京都は、日本の首都であり',
      ['東京', '京都', '都は', '日本', '本の', 'の首', '首都', '都で', 'であ', 'あり'],
    ],
  ])('bigrams %s', async (text, expected) => {
    expect(await terms({ filter: ['cjk_bigram'], text })).toEqual(expected);
  });

  test('emits unigrams too with output_unigrams', async () => {
    const filter = [{ type: 'cjk_bigram' as const, output_unigrams: true }];
    expect(await terms({ filter, text: '鄭凱' })).toEqual(['鄭', '鄭凱', '凱']);
    expect(await terms({ filter, text: '郑凯' })).toEqual(['郑', '郑凯', '凯']);
  });

  test('leaves the ignored_scripts as unigrams', async () => {
    const hanIgnored = [{ type: 'cjk_bigram' as const, ignored_scripts: ['han' as const] }];
    expect(await terms({ filter: hanIgnored, text: '滎陽市' })).toEqual(['滎', '陽', '市']);

    const hanOnly = [
      {
        type: 'cjk_bigram' as const,
        ignored_scripts: ['hiragana' as const, 'katakana' as const, 'hangul' as const],
      },
    ];
    expect(await terms({ filter: hanOnly, text: '東京都は' })).toEqual(['東京', '京都', 'は']);
  });

  test('chains after cjk_width and lowercase on mixed text', async () => {
    const text = 'ＡＢＣ１２３鄭凱 荥阳滎陽';
    expect(await terms({ filter: ['cjk_width', 'lowercase', 'cjk_bigram'], text })).toEqual([
      'abc123',
      '鄭凱',
      '荥阳',
      '阳滎',
      '滎陽',
    ]);
  });

  test('rejects an output_unigrams that is not a boolean', async () => {
    const filter = { type: 'cjk_bigram', output_unigrams: 'maybe' };
    const reason = await illegalArgument(
      terms({ filter: [filter as unknown as estypes.AnalysisTokenFilter], text: '鄭凱' }),
    );
    expect(reason).toContain('maybe');
  });
});

describe('the mapping char filter', () => {
  test('rewrites before tokenizing, with offsets into the original text', async () => {
    const { tokens } = await client.indices.analyze({
      tokenizer: 'standard',
      char_filter: [{ type: 'mapping', mappings: T2S_RULES }],
      filter: ['cjk_bigram'],
      text: '鄭凱 滎陽市司法局',
    });
    expect(tokens?.map((t) => [t.token, t.start_offset, t.end_offset])).toEqual([
      ['郑凯', 0, 2],
      ['荥阳', 3, 5],
      ['阳市', 4, 6],
      ['市司', 5, 7],
      ['司法', 6, 8],
      ['法局', 7, 9],
    ]);
  });

  test('reads escapes and trims both sides', async () => {
    // The second rule maps "-" to nothing, joining a and b into one token.
    const char_filter = [{ type: 'mapping' as const, mappings: ['  \\u912D   =>  郑 ', '-=>'] }];
    expect(await terms({ char_filter, text: '鄭 a-b' })).toEqual(['郑', 'ab']);
  });

  test('requires mappings or mappings_path', async () => {
    await illegalArgument(terms({ char_filter: [{ type: 'mapping' }], text: '鄭凱' }));
  });

  test('rejects a rule with an empty left side', async () => {
    const char_filter = [{ type: 'mapping' as const, mappings: [' => 郑'] }];
    await illegalArgument(terms({ char_filter, text: '鄭凱' }));
  });

  test('rejects a rule without =>', async () => {
    // Only the failure is asserted: its status is not documented.
    const char_filter = [{ type: 'mapping' as const, mappings: ['鄭 -> 郑'] }];
    await failure(terms({ char_filter, text: '鄭凱' }));
  });
});

describe('an index whose analysis uses the components', () => {
  const index = testIndexName('cjk-components');

  beforeAll(async () => {
    await client.indices.create({
      index,
      settings: {
        number_of_shards: 1,
        number_of_replicas: 0,
        analysis: {
          char_filter: { t2s: { type: 'mapping', mappings: T2S_RULES } },
          analyzer: {
            zh: {
              type: 'custom',
              tokenizer: 'standard',
              char_filter: ['t2s'],
              filter: ['cjk_width', 'lowercase', 'cjk_bigram'],
            },
          },
          normalizer: {
            zh_name: { type: 'custom', char_filter: ['t2s'], filter: ['cjk_width', 'lowercase'] },
          },
        },
      },
      mappings: {
        properties: {
          title: { type: 'text', analyzer: 'zh' },
          name: { type: 'keyword', normalizer: 'zh_name' },
        },
      },
    });
    await client.bulk({
      index,
      refresh: true,
      operations: [
        { index: { _id: 'xingyang' } },
        { title: '滎陽市司法局', name: '鄭凱' },
        { index: { _id: 'zhengzhou' } },
        { title: '郑州市', name: 'ＡＢＣ' },
      ],
    });
  });

  afterAll(() => client.indices.delete({ index, ignore_unavailable: true }));

  test('analyzes Traditional and Simplified text alike', async () => {
    const analyze = (text: string) => terms({ index, analyzer: 'zh', text });
    expect(await analyze('滎陽市司法局')).toEqual(['荥阳', '阳市', '市司', '司法', '法局']);
    expect(await analyze('荥阳市司法局')).toEqual(['荥阳', '阳市', '市司', '司法', '法局']);
    expect(await analyze('鄭凱 ＡＢＣ１２３')).toEqual(['郑凯', 'abc123']);
  });

  test('normalizes keywords with the normalizer-safe components', async () => {
    const { tokens } = await client.indices.analyze({
      index,
      normalizer: 'zh_name',
      text: '鄭凱Ａ',
    });
    expect(tokens?.map((t) => t.token)).toEqual(['郑凯a']);
  });

  test('finds the Traditional document with a Simplified query', async () => {
    const ids = async (query: estypes.QueryDslQueryContainer) =>
      (await client.search({ index, query })).hits.hits.map((h) => h._id);
    expect(await ids({ match: { title: '荥阳' } })).toEqual(['xingyang']);
    expect(await ids({ term: { name: '郑凯' } })).toEqual(['xingyang']);
    expect(await ids({ term: { name: 'abc' } })).toEqual(['zhengzhou']);
  });

  test('refuses an index whose mapping rules are malformed', async () => {
    await illegalArgument(
      client.indices.create({
        index: testIndexName('cjk-bad-rule'),
        settings: { analysis: { char_filter: { bad: { type: 'mapping', mappings: [' => 郑'] } } } },
      }),
    );
  });
});

describe('a parameter the component does not support', () => {
  // Elasticsearch's own analysis-common ignores unknown parameters; the stand-in rejects them,
  // so a misspelt one (the old docs' `ignore_scripts`) cannot silently do nothing.
  test('is rejected by the stand-in plugin, naming the component and the parameter', async () => {
    const plugins = await client.cat.plugins({ format: 'json' });
    if (!plugins.some((p) => p.component === 'analysis-cjk-standin')) return;

    const misspelt = { type: 'cjk_bigram', ignore_scripts: ['han'] };
    const reason = await illegalArgument(
      client.indices.create({
        index: testIndexName('cjk-bad-param'),
        settings: { analysis: { filter: { bigrams: misspelt as estypes.AnalysisTokenFilter } } },
      }),
    );
    expect(reason).toContain('[bigrams]');
    expect(reason).toContain('[cjk_bigram]');
    expect(reason).toContain('[ignore_scripts]');
  });
});
