import { randomInt, seededRandom, shuffle } from './random';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });

  it('stays in [0, 1)', () => {
    const random = seededRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const x = random();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('randomInt', () => {
  it('reaches both ends and nothing outside them', () => {
    const random = seededRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(randomInt(random, 4, 8));
    expect([...seen].sort()).toEqual([4, 5, 6, 7, 8]);
  });
});

describe('shuffle', () => {
  it('permutes the items, the same way for the same seed', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const once = shuffle([...items], seededRandom(5));
    expect(shuffle([...items], seededRandom(5))).toEqual(once);
    expect(once).not.toEqual(items);
    expect([...once].sort((x, y) => x - y)).toEqual(items);
  });
});
