import { assignStories, type Candidate, type NewArticle } from './assign';
import { HASHES, SIMILARITY_THRESHOLD, bandKeys, similarity } from './fingerprint';

/** A signature that agrees with `base` on the first `same` of HASHES positions. */
function variant(base: number, same: number, salt: number): number[] {
  return Array.from({ length: HASHES }, (_, i) => (i < same ? base * 1000 + i : salt * 1e6 + i));
}

const art = (id: string, signature: number[]): NewArticle => ({
  id,
  signature,
  size: 100,
});

/** The indexer's loop in memory: batches in, candidates from what was "indexed" before. */
function indexAll(articles: NewArticle[], batchSize: number): Map<string, string> {
  const indexed = new Map<string, Candidate>();
  for (let i = 0; i < articles.length; i += batchSize) {
    const batch = articles.slice(i, i + batchSize);
    const bands = new Set(batch.flatMap((a) => bandKeys(a.signature)));
    const candidates = [...indexed.values()].filter((c) =>
      bandKeys(c.signature).some((b) => bands.has(b)),
    );
    const { storyOf, relabel } = assignStories(batch, candidates);
    for (const c of indexed.values()) c.storyId = relabel.get(c.storyId) ?? c.storyId;
    for (const a of batch) indexed.set(a.id, { ...a, storyId: storyOf.get(a.id)! });
  }
  return new Map([...indexed].map(([id, c]) => [id, c.storyId]));
}

describe('assignStories', () => {
  it('gives near-duplicates in one batch the smallest id among them', () => {
    const { storyOf, joined } = assignStories(
      [art('b', variant(1, 120, 1)), art('a', variant(1, 110, 2)), art('c', variant(2, 0, 3))],
      [],
    );
    expect(storyOf).toEqual(
      new Map([
        ['b', 'a'],
        ['a', 'a'],
        ['c', 'c'],
      ]),
    );
    expect(joined).toBe(1);
  });

  it('keeps articles below the threshold apart even when they share a band', () => {
    // 40 of 128 agree (0.31): several bands are shared, the similarity is too low.
    const { storyOf } = assignStories(
      [art('a', variant(1, 40, 1)), art('b', variant(1, 40, 2))],
      [],
    );
    expect(storyOf.get('a')).toBe('a');
    expect(storyOf.get('b')).toBe('b');
  });

  it('joins an indexed story and merges two when a new article resembles both', () => {
    // x resembles p (positions 0..99 agree) and q (28..127 agree); p and q agree on 72 only.
    const x = art('x', variant(1, HASHES, 0));
    const p: Candidate = {
      ...art('p', [...x.signature.slice(0, 100), ...variant(9, 0, 9).slice(100)]),
      storyId: 'm',
    };
    const q: Candidate = {
      ...art('q', [...variant(8, 0, 8).slice(0, 28), ...x.signature.slice(28)]),
      storyId: 'k',
    };
    const { storyOf, relabel, merged, joined } = assignStories([x], [p, q]);
    expect(storyOf.get('x')).toBe('k');
    expect(relabel).toEqual(new Map([['m', 'k']]));
    expect(merged).toBe(1);
    expect(joined).toBe(1);
  });

  it('ignores a candidate that is the batch article itself (an article being rewritten)', () => {
    const a = art('a', variant(1, HASHES, 0));
    const { storyOf, joined } = assignStories([a], [{ ...a, storyId: 'a' }]);
    expect(storyOf.get('a')).toBe('a');
    expect(joined).toBe(0);
  });

  it('ends with the same stories whatever the order and batch size', () => {
    // Three stories, one of them a chain (s1 ~ s2 ~ s3 with s1 and s3 below the threshold).
    const s0 = Array.from({ length: HASHES }, (_, i) => 500 + i);
    const s1 = s0.map((v, i) => (i < 90 ? v : 7000 + i));
    const s2 = s1.map((v, i) => (i >= 52 && i < 90 ? 8000 + i : v));
    const chain = [art('s0', s0), art('s1', s1), art('s2', s2)];
    expect(similarity(s0, s2)).toBeLessThan(SIMILARITY_THRESHOLD);
    const articles = [
      ...chain,
      art('t1', variant(2, HASHES, 0)),
      art('t2', variant(2, 100, 1)),
      art('t3', variant(2, 90, 2)),
      art('u1', variant(3, 0, 7)),
      art('u2', variant(4, 0, 8)),
    ];
    const expected = indexAll(articles, articles.length);
    expect(new Set(expected.values())).toEqual(new Set(['s0', 't1', 'u1', 'u2']));
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 30; run++) {
      const shuffled = [...articles].sort(() => rand() - 0.5);
      expect(indexAll(shuffled, 1 + (run % 4))).toEqual(expected);
    }
  });
});
