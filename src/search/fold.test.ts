import { fold, foldKeyword, foldWidth } from './fold';

describe('foldKeyword', () => {
  it('folds as the cjk_fold_keyword normalizer does (mappings/README.md)', () => {
    expect(foldKeyword('映象網')).toBe('映象网');
    expect(foldKeyword('乾隆年間')).toBe('干隆年间');
    expect(foldKeyword('ＣＣＴＶ 新聞')).toBe('cctv 新闻');
    expect(foldKeyword('鄭凱')).toBe('郑凯');
  });

  it('is idempotent', () => {
    for (const name of ['映象網', '滎陽', '漣源', '鲁网']) {
      expect(foldKeyword(foldKeyword(name))).toBe(foldKeyword(name));
    }
  });
});

describe('fold', () => {
  it('folds character by character, keeping the length and everything it has no rule for', () => {
    expect(fold('鄭凱著，ＡＢ')).toBe('郑凯着，ＡＢ');
    // One character to one character (a rare Simplified character outside the Basic
    // Multilingual Plane folds to its Traditional form inside it; the char filter corrects
    // offsets for the shorter UTF-16 length).
    expect(Array.from(fold('𠆲儣'))).toHaveLength(2);
    expect(fold('𠆲儣')).toBe('儣儣');
  });
});

describe('foldWidth', () => {
  it('folds full-width ASCII only', () => {
    expect(foldWidth('Ａ１－ｚ，中')).toBe('A1-z,中');
  });
});
