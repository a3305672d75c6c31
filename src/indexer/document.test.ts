import { article } from '../../tests/fixtures/articles';
import { contentHash, toIndexDocument } from './document';
import { BANDS, decodeSketch, fingerprint } from '../stories/fingerprint';

describe('toIndexDocument', () => {
  it('keeps the searchable fields, joins the people and leaves `removed` out', () => {
    const doc = toIndexDocument(
      article('a1', {
        reporters: ['王文凱'],
        correspondents: ['蔣士勳'],
        editors: ['王文凱', '李四'],
      }),
    );
    expect(doc.id).toBe('a1');
    expect(doc.people).toEqual(['王文凱', '蔣士勳', '李四']);
    expect(doc).not.toHaveProperty('removed');
    expect(doc.path).toBe('corpus/a1.txt');
    const { content_hash, story_id, ...rest } = doc;
    expect(content_hash).toBe(contentHash(rest));
    // Its own story until the indexer compares it; the story stays out of the content hash.
    expect(story_id).toBe('a1');
    expect(doc.story_bands).toHaveLength(BANDS);
    const { signature, size } = fingerprint(doc);
    expect(decodeSketch(doc.fingerprint!)).toEqual({ signature, size });
  });

  it('without stories, has no fingerprint and is its own story', () => {
    const doc = toIndexDocument(article('a1'), { stories: false });
    expect(doc).toMatchObject({ story_bands: [], story_id: 'a1' });
    expect(doc.fingerprint).toBeUndefined();
    const { story_bands, fingerprint, content_hash, ...rest } = toIndexDocument(article('a1'));
    expect(story_bands).toHaveLength(BANDS);
    expect(fingerprint).toBeDefined();
    expect(doc).toMatchObject(rest);
    expect(doc.content_hash).not.toBe(content_hash);
  });

  it('gives the same hash for the same article and another when anything indexed changes', () => {
    const base = toIndexDocument(article('a1')).content_hash;
    expect(toIndexDocument(article('a1')).content_hash).toBe(base);
    expect(
      toIndexDocument(article('a1', { body: ['第一段 a1', '第二段。'] })).content_hash,
    ).not.toBe(base);
    expect(toIndexDocument(article('a1', { path: 'moved/a1.txt' })).content_hash).not.toBe(base);
    // Debug output is not indexed, so it does not make an article "changed".
    expect(toIndexDocument(article('a1', { removed: [] })).content_hash).toBe(base);
  });

  it('omits absent optional fields from the JSON sent', () => {
    const doc = toIndexDocument(article('a2', { source: undefined, published_at: undefined }));
    const json = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    expect(json).not.toHaveProperty('source');
    expect(json).not.toHaveProperty('published_at');
  });
});
