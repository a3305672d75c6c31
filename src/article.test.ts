// One example article through every layer: JSON lines, index document, mapping, API.
import { EXAMPLE_ARTICLE } from '../tests/fixtures/articles';
import {
  articleSchema,
  emptyLists,
  INDEX_DOCUMENT_FIELDS,
  indexDocumentSchema,
  isoBeijing,
} from './article';
import { toIndexDocument } from './indexer/document';
import { loadIndexDefinition } from './indexer/definition';
import { parseJsonl } from './normalize/jsonl';
import { shapeArticle, shapeHit, type IndexedArticle } from './search/response';
import { articleResponseSchema, HIT_SOURCE_FIELDS, searchHitSchema } from './search/wire';

describe('isoBeijing', () => {
  it('writes China time and refuses impossible dates', () => {
    expect(isoBeijing(2022, 4, 20, 14, 6)).toBe('2022-04-20T14:06:00+08:00');
    expect(isoBeijing(2022, 2, 30)).toBeUndefined();
    expect(isoBeijing(2022, 4, 20, 24, 0)).toBeUndefined();
  });
});

describe('emptyLists', () => {
  it('is every list field an article may leave out, each a new empty array', () => {
    const least = articleSchema.parse({
      id: 'x',
      title: '',
      body: ['正文'],
      script: 'mixed',
      path: 'p',
    });
    const lists = Object.entries(least).filter(([, v]) => Array.isArray(v) && v.length === 0);
    expect(emptyLists()).toEqual(Object.fromEntries(lists));
    expect(emptyLists().reporters).not.toBe(emptyLists().reporters);
  });
});

describe('the example article', () => {
  const parsed = parseJsonl(JSON.stringify(EXAMPLE_ARTICLE), 'example.jsonl');
  const article = parsed.articles[0]!;
  const doc = toIndexDocument(article);
  const mapped = Object.keys(loadIndexDefinition().mappings.properties ?? {});

  it('sets every field of the article, so that each layer below sees each field', () => {
    expect(Object.keys(EXAMPLE_ARTICLE).sort()).toEqual(Object.keys(articleSchema.shape).sort());
  });

  it('parses as a JSON line into the same article the schema gives', () => {
    expect(parsed.warnings).toEqual([]);
    expect(parsed.articles).toHaveLength(1);
    expect(article).toEqual(articleSchema.parse(EXAMPLE_ARTICLE));
  });

  it('becomes an index document with every mapped field and nothing else', () => {
    expect(indexDocumentSchema.parse(doc)).toEqual(doc);
    expect(Object.keys(doc).sort()).toEqual([...mapped].sort());
    expect(doc).not.toHaveProperty('removed');
  });

  it('is shaped for the API as the API schemas describe', () => {
    const shaped = shapeArticle({ _index: 'i', _id: doc.id, _source: doc }, 'simplified');
    expect(articleResponseSchema.parse(shaped)).toEqual(shaped);
    expect(shaped).toMatchObject({ title: '荥阳市开展疫情防控志愿服务', editors: ['李四'] });
    expect(Object.keys(shaped).sort()).toEqual(Object.keys(articleResponseSchema.shape).sort());
    expect(shaped.title_html).toBe('荥阳市开展疫情防控志愿服务');

    const source = Object.fromEntries(HIT_SOURCE_FIELDS.map((f) => [f, doc[f]]));
    const hit = shapeHit(
      { _index: 'i', _id: doc.id, _score: 1, _source: source as unknown as IndexedArticle },
      'original',
    );
    expect(searchHitSchema.parse(hit)).toEqual(hit);
    expect(hit).toMatchObject({ id: doc.id, source: '映象網', published_at: doc.published_at });
  });
});

describe('the index document and the mapping', () => {
  const mapped = Object.keys(loadIndexDefinition().mappings.properties ?? {});

  it('maps every key of the document (dynamic: strict would refuse an unmapped one)', () => {
    expect(INDEX_DOCUMENT_FIELDS.filter((f) => !mapped.includes(f))).toEqual([]);
  });

  it('has a document key for every mapped field (none left over from a removed field)', () => {
    expect(mapped.filter((f) => !(INDEX_DOCUMENT_FIELDS as string[]).includes(f))).toEqual([]);
  });
});
