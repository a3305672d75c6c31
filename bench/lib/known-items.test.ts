import { pickCrossingSpan, pickSpan, rankOf, SIDE, SPAN, summarizeRanks } from './known-items';
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
    expect(rankOf('b', [['a'], ['b'], ['c']])).toBe(2);
    expect(rankOf('z', [['a'], ['b']])).toBeUndefined();
  });

  it('finds an item listed as another version of a hit', () => {
    expect(rankOf('b2', [['a'], ['b', 'b2'], ['b2']])).toBe(2);
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

describe('pickCrossingSpan', () => {
  it('takes 2 to 4 characters on each side of one gap of punctuation, and the same without it', () => {
    const lines = ['床前明月光，疑是地上霜。', '舉頭望明月；低頭思故鄉。'];
    const random = seededRandom(5);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const { written, bare } = pickCrossingSpan(lines, random)!;
      const [before, after] = written.split(/[，；]/u) as [string, string];
      for (const side of [before, after]) {
        expect([...side].length).toBeGreaterThanOrEqual(SIDE.min);
        expect([...side].length).toBeLessThanOrEqual(SIDE.max);
      }
      expect(lines.some((line) => line.includes(written))).toBe(true);
      expect(bare).toBe(before + after);
      seen.add(written);
    }
    expect(seen).toContain('明月光，疑是地上');
    expect(seen).toContain('頭望明月；低頭');
  });

  it('never ends at the end of a line, and needs two characters on each side', () => {
    const random = seededRandom(3);
    expect(pickCrossingSpan(['春眠不覺曉。', '花，落知多少'], random)).toBeUndefined();
    for (let i = 0; i < 50; i++) {
      expect(['夜來，風雨', '夜來，風雨聲']).toContain(
        pickCrossingSpan(['春眠不覺曉。', '夜來，風雨聲。'], random)!.written,
      );
    }
  });
});
