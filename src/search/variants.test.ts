import { fold } from './fold';
import { alternatives, rewrite } from './variants';

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
