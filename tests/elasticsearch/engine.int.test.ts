// The throwaway engine is the real, pinned Elasticsearch, and CJK analysis works on it.
import type { Client } from '@elastic/elasticsearch';
import { esVersion } from '../../src/config';
import { esUrl, testClient, testIndexName } from '../support/es';

describe('the throwaway Elasticsearch', () => {
  let client: Client;
  const index = testIndexName('cjk');

  beforeAll(async () => {
    client = testClient();
    await client.indices.create({
      index,
      settings: {
        number_of_shards: 1,
        number_of_replicas: 0,
        analysis: {
          filter: { bigrams: { type: 'cjk_bigram', output_unigrams: true } },
          analyzer: {
            cjk_text: {
              type: 'custom',
              tokenizer: 'standard',
              filter: ['cjk_width', 'lowercase', 'bigrams'],
            },
          },
        },
      },
      mappings: { properties: { title: { type: 'text', analyzer: 'cjk_text' } } },
    });
  });

  afterAll(async () => {
    await client.indices.delete({ index, ignore_unavailable: true });
    await client.close();
  });

  test('reports the pinned version at GET /', async () => {
    // Raw HTTP: a stand-in server would have to fake the body and the product header.
    const res = await fetch(esUrl());
    expect(res.status).toBe(200);
    expect(res.headers.get('x-elastic-product')).toBe('Elasticsearch');
    const body = (await res.json()) as { version: { number: string }; tagline: string };
    expect(body.version.number).toBe(esVersion());
    expect(body.tagline).toBe('You Know, for Search');
    expect((await client.info()).version.number).toBe(esVersion());
  });

  test('analyzes Traditional text into width-folded, lowercased unigrams and bigrams', async () => {
    const { tokens } = await client.indices.analyze({ index, analyzer: 'cjk_text', text: '鄭凱' });
    expect(tokens?.map((t) => t.token)).toEqual(['鄭', '鄭凱', '凱']);

    const mixed = await client.indices.analyze({
      index,
      analyzer: 'cjk_text',
      text: 'ＡＢＣ１２３ 滎陽',
    });
    expect(mixed.tokens?.map((t) => t.token)).toEqual(['abc123', '滎', '滎陽', '陽']);
  });

  test('finds a Traditional document by a match query and by one character', async () => {
    await client.index({ index, id: '1', document: { title: '滎陽市司法局鄭凱' }, refresh: true });
    await client.index({ index, id: '2', document: { title: '荥阳市疫情防控' }, refresh: true });

    const phrase = await client.search({ index, query: { match: { title: '鄭凱' } } });
    expect(phrase.hits.hits.map((h) => h._id)).toEqual(['1']);

    const single = await client.search({ index, query: { match: { title: '凱' } } });
    expect(single.hits.hits.map((h) => h._id)).toEqual(['1']);
  });
});
