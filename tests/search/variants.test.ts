import { readFileSync } from 'node:fs';
import {
  generateVariants,
  PHRASE_VARIANTS_FILE,
  renderPhraseVariants,
  type Variants,
} from '../../scripts/generate-phrase-variants';
import { fold } from '../../src/search/fold';
import { alternatives, parseVariants, rewrite } from '../../src/search/variants';

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

describe('alternatives', () => {
  it('writes a mainland word as Taiwan and Hong Kong do, and back', () => {
    expect(alternatives('软件')).toContain(fold('軟體'));
    expect(alternatives('軟體')).toContain(fold('软件'));
    expect(alternatives('信息')).toContain(fold('資訊'));
    expect(alternatives('服务器')).toContain(fold('伺服器'));
    expect(alternatives('伺服器')).toContain(fold('服务器'));
    expect(alternatives('意大利')).toContain(fold('義大利'));
  });

  it('gives a regional word every mainland word for it', () => {
    expect(alternatives('原始碼')).toEqual(
      expect.arrayContaining([fold('源代码'), fold('源码'), fold('原代码')]),
    );
    expect(alternatives('機率')).toEqual(expect.arrayContaining([fold('概率'), fold('几率')]));
  });

  it('rewrites every regional word of a sentence in one alternative', () => {
    expect(alternatives('鼠标里面的硅二极管坏了，导致光标分辨率降低。')).toContain(
      fold('滑鼠裡面的矽二極體壞了，導致游標解析度降低。'),
    );
  });

  it('keeps a phrase that a dictionary keeps as it is (軟體動物 is not 软件动物)', () => {
    expect(alternatives('軟體動物')).not.toContain(fold('软件动物'));
  });

  it('gives nothing for text without regional words, nor for words whose meaning differs', () => {
    for (const text of ['党员先锋队', '鄭凱', '土豆', '机车', '质量', '文件', '程序']) {
      expect([text, alternatives(text)]).toEqual([text, []]);
    }
  });

  it('rewrites left to right, the longest rule first', () => {
    const rules = new Map([
      ['ab', 'X'],
      ['abc', 'Y'],
      ['c', 'Z'],
    ]);
    expect(rewrite(rules, 'abcab c')).toBe('YX Z');
  });
});
