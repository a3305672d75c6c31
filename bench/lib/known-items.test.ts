import { pickSpan, rankOf, SPAN, summarizeRanks } from './known-items';
import { seededRandom } from './random';

describe('pickSpan', () => {
  it('takes 4 to 8 characters from one run of Han characters, never across punctuation', () => {
    const lines = ['秦川雄帝宅，函谷壯皇居。', '綺殿千尋起，離宮百雉餘。'];
    const runs = ['秦川雄帝宅', '函谷壯皇居', '綺殿千尋起', '離宮百雉餘'];
    const random = seededRandom(11);
    for (let i = 0; i < 200; i++) {
      const span = pickSpan(lines, random)!;
      expect([...span].length).toBeGreaterThanOrEqual(SPAN.min);
      expect([...span].length).toBeLessThanOrEqual(SPAN.max);
      expect(runs.some((run) => run.includes(span))).toBe(true);
    }
  });

  it('reaches the longest spans of a long run', () => {
    const random = seededRandom(2);
    const lengths = new Set<number>();
    for (let i = 0; i < 300; i++) lengths.add(pickSpan(['一二三四五六七八九十'], random)!.length);
    expect([...lengths].sort()).toEqual([4, 5, 6, 7, 8]);
  });

  it('skips lines whose runs are all shorter than four characters', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 50; i++) {
      expect('處處聞啼鳥').toContain(pickSpan(['春眠，不覺曉。', '處處聞啼鳥。'], random));
    }
    expect(pickSpan(['春眠，不覺曉。', 'abc defg'], seededRandom(1))).toBeUndefined();
  });

  it('counts a character outside the BMP as one', () => {
    const span = pickSpan(['𠀀𠀁𠀂𠀃'], seededRandom(4));
    expect(span).toBe('𠀀𠀁𠀂𠀃');
  });
});

describe('rankOf', () => {
  it('is 1-based, undefined when absent', () => {
    expect(rankOf('b', ['a', 'b', 'c'])).toBe(2);
    expect(rankOf('z', ['a', 'b'])).toBeUndefined();
  });
});

describe('summarizeRanks', () => {
  it('counts misses and ranks beyond k as zero', () => {
    const s = summarizeRanks([1, 2, undefined, 11], 10);
    expect(s.queries).toBe(4);
    expect(s.recall).toBe(0.5);
    expect(s.mrr).toBeCloseTo((1 + 0.5) / 4);
  });
});
