import { readFileSync } from 'node:fs';
import {
  generateVariants,
  PHRASE_VARIANTS_FILE,
  renderPhraseVariants,
  type Variants,
} from './generate-phrase-variants';
import { fold } from '../src/search/fold';
import { parseVariants } from '../src/search/variants';

let generated: Variants;
beforeAll(() => {
  generated = generateVariants();
});

describe('mappings/phrase-variants.txt', () => {
  it('is what the generator produces now (else run scripts/generate-phrase-variants.ts)', () => {
    expect(readFileSync(PHRASE_VARIANTS_FILE, 'utf8')).toBe(renderPhraseVariants(generated));
  });

  it('holds folded keys and values only, in every direction', () => {
    const { also, ...tables } = parseVariants(readFileSync(PHRASE_VARIANTS_FILE, 'utf8'));
    for (const table of Object.values(tables)) {
      expect(table.size).toBeGreaterThan(50);
      for (const [from, to] of table) expect([from, to]).toEqual([fold(from), fold(to)]);
    }
    expect(also.size).toBeGreaterThan(10);
    for (const [from, to] of also) expect([from, to]).toEqual([fold(from), to.map(fold)]);
  });

  it('gives a regional word the reverse tables rewrite its other mainland words too', () => {
    // The reverse tables rewrite 原始碼 to 源代码 only; the forward tables reach it from three.
    expect(generated.tables.mainland.get(fold('原始碼'))).toBe(fold('源代码'));
    expect(generated.also.get(fold('原始碼'))).toEqual([fold('原代码'), fold('源码')]);
    // A word the reverse tables leave alone is a mainland word too: 預設 (缺省, 默认).
    expect(generated.also.has(fold('預設'))).toBe(false);
    for (const [regional, words] of generated.also) {
      expect(generated.tables.mainland.has(regional)).toBe(true);
      expect(words).not.toContain(generated.tables.mainland.get(regional));
    }
  });

  it('leaves out the words whose meaning differs by region, and says why', () => {
    const words = generated.leftOut.map(({ word }) => word);
    expect(words).toEqual(expect.arrayContaining(['文件', '程序', '埠']));
    for (const { reason } of generated.leftOut) expect(reason.length).toBeGreaterThan(10);
    for (const table of Object.values(generated.tables)) {
      for (const [from, to] of table) {
        expect(words.filter((word) => word === from || (to === word && word.length > 1))).toEqual(
          [],
        );
      }
    }
  });
});
