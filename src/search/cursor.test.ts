import { decodeCursor, encodeCursor, searchFingerprint } from './cursor';
import { parseQuery } from './parse';

const filters = { source: [], place: [], people: [], script: [] };

describe('cursor', () => {
  it('round-trips the sort values and fingerprint through an opaque URL-safe string', () => {
    const cursor = { fingerprint: '0123456789abcdef', after: [3.25, 'id-1'] as [number, string] };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it('round-trips the offset of a collapsed search', () => {
    const cursor = { fingerprint: '0123456789abcdef', offset: 20 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('carries the point in time its pages read', () => {
    const cursor = {
      fingerprint: '0123456789abcdef',
      after: [3.25, 'id-1'] as [number, string],
      pit: 'gcSHBAEOdGVzdC1pbmRleC0xFmFiYw==',
    };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuses anything it did not make', () => {
    const forge = (payload: unknown) =>
      Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    for (const text of [
      '',
      'not a cursor!',
      'x'.repeat(9000),
      Buffer.from('{not json').toString('base64url'),
      forge({ v: 2, f: '0123456789abcdef', a: [1, 'a'] }),
      forge({ v: 1, f: 'short', a: [1, 'a'] }),
      forge({ v: 1, f: '0123456789abcdef', a: [1] }),
      forge({ v: 1, f: '0123456789abcdef', a: ['1', 'a'] }),
      forge({ v: 1, f: '0123456789abcdef', a: [{ script: 'x' }, 'a'] }),
      forge({ v: 1, f: '0123456789abcdef', a: [1, 'a'], extra: true }),
      forge({ v: 1, f: '0123456789abcdef' }),
      forge({ v: 1, f: '0123456789abcdef', a: [1, 'a'], o: 10 }),
      forge({ v: 1, f: '0123456789abcdef', o: 0 }),
      forge({ v: 1, f: '0123456789abcdef', a: [1, 'a'], p: '' }),
      forge({ v: 1, f: '0123456789abcdef', a: [1, 'a'], p: 'not base64!' }),
      forge({ v: 1, f: '0123456789abcdef', a: [1, 'a'], p: 'A'.repeat(7000) }),
    ]) {
      expect(decodeCursor(text)).toBeUndefined();
    }
  });

  it('fingerprints differ by query, filters, sort and collapse, and repeat for the same search', () => {
    const base = searchFingerprint(parseQuery('疫'), filters, 'relevance', true);
    expect(searchFingerprint(parseQuery('疫'), filters, 'relevance', true)).toBe(base);
    expect(searchFingerprint(parseQuery('疫情'), filters, 'relevance', true)).not.toBe(base);
    expect(
      searchFingerprint(parseQuery('疫'), { ...filters, place: ['阳谷'] }, 'relevance', true),
    ).not.toBe(base);
    expect(searchFingerprint(parseQuery('疫'), filters, 'newest', true)).not.toBe(base);
    expect(searchFingerprint(parseQuery('疫'), filters, 'relevance', false)).not.toBe(base);
  });
});
