import { foldKeyword, foldWidth, mappingFolder } from './fold';

describe('foldKeyword', () => {
  it('folds as the cjk_fold_keyword normalizer does (mappings/README.md)', () => {
    expect(foldKeyword('映象網')).toBe('映象网');
    expect(foldKeyword('乾隆年間')).toBe('乾隆年间');
    expect(foldKeyword('ＣＣＴＶ 新聞')).toBe('cctv 新闻');
    expect(foldKeyword('鄭凱')).toBe('郑凯');
  });

  it('is idempotent', () => {
    for (const name of ['映象網', '滎陽', '漣源', '鲁网']) {
      expect(foldKeyword(foldKeyword(name))).toBe(foldKeyword(name));
    }
  });
});

describe('mappingFolder', () => {
  it('takes the longest rule at each position, left to right', () => {
    const fold = mappingFolder(
      new Map([
        ['乾', '干'],
        ['乾隆', '乾隆'],
      ]),
    );
    expect(fold('乾隆乾')).toBe('乾隆干');
  });
});

describe('foldWidth', () => {
  it('folds full-width ASCII only', () => {
    expect(foldWidth('Ａ１－ｚ，中')).toBe('A1-z,中');
  });
});
