import { ELLIPSIS, readableFragment } from './fragments';

const plain = (html: string) => html.replace(/<\/?mark>/g, '');

describe('readableFragment', () => {
  it('drops the punctuation a passage starts on and says it was cut', () => {
    const html =
      ',發揮好<mark>先鋒</mark>模範作用,讓黨旗在防控疫情鬥爭一線高高飄揚,堅決打贏疫情防控阻擊戰。';
    expect(readableFragment(html, 100)).toBe(`${ELLIPSIS}${html.slice(1)}`);
  });

  it('leaves a whole sentence as it is', () => {
    const html = '争做<mark>先锋</mark>表率,让群防群控之势更优。';
    expect(readableFragment(html, 100)).toBe(html);
  });

  it('marks an end inside a sentence with an ellipsis', () => {
    const html = '在疫情防控中衝在前、當<mark>先鋒</mark>、作表率';
    expect(readableFragment(html, 100)).toBe(`${html}${ELLIPSIS}`);
  });

  it('starts a long passage at the sentence its first match is in', () => {
    const first = '第一句话说的是别的事情,和查询没有关系,只是为了让这段文字足够长。';
    const second = '第二句也一样,还是和查询没有关系的内容,继续把这一段拉长一些。';
    const third = '第三句里有<mark>郑凯</mark>的名字,读者想从这一句开始读。';
    const fourth = '第四句又是别的内容,它不该挤进片段的末尾,因为片段已经够长了,真的很长很长很长。';
    const out = readableFragment(first + second + third + fourth, 60);
    expect(out.startsWith('第三句里有<mark>郑凯</mark>')).toBe(true);
    // Ends at the last sentence end that fits, so no ellipsis at either end.
    expect(out).toBe(third);
  });

  it('starts at a clause, with an ellipsis, when the sentence begins too far before the match', () => {
    const clauses = ['这是一个非常非常长的句子的开头部分,', '里面有很多很多很多很多的字,'];
    const before = [...clauses, ...clauses].join('');
    const html = `${before}然后才说到<mark>先锋</mark>模范作用,后面还有更多的文字一直延续下去直到句子结束。`;
    const out = readableFragment(html, 60);
    // The earliest clause start that leaves the match in the first 60% of the window.
    expect(out.startsWith(`${ELLIPSIS}${clauses[1]}然后`)).toBe(true);
    expect(out).toContain('<mark>先锋</mark>');
    expect(plain(out).length).toBeLessThanOrEqual(60 + 2 * ELLIPSIS.length);
  });

  it('cuts inside a clause only when no clause starts near the match', () => {
    const html = `${'长'.repeat(150)}<mark>先锋</mark>${'尾'.repeat(150)}`;
    const out = readableFragment(html, 60);
    expect(out.startsWith(ELLIPSIS)).toBe(true);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
    expect(out).toContain('<mark>先锋</mark>');
    expect(plain(out).length).toBe(60 + 2);
  });

  it('never cuts a mark in two, and keeps entities whole', () => {
    const html = `&quot;${'字'.repeat(55)}&quot;<mark>党员先锋队</mark>${'字'.repeat(80)}`;
    const out = readableFragment(html, 60);
    expect(out).toContain('<mark>党员先锋队</mark>');
    expect(out.match(/<mark>/g)).toHaveLength(1);
    expect(out.match(/<\/mark>/g)).toHaveLength(1);
    expect(out).not.toMatch(/&[a-z#0-9]*$|&[a-z#0-9]*…$/);
  });

  it('shows a passage without a match from its start', () => {
    const html = `第一句。${'字'.repeat(120)}`;
    const out = readableFragment(html, 60);
    // A sentence end that leaves the window less than a third full is passed over.
    expect(out).toBe(`第一句。${'字'.repeat(56)}${ELLIPSIS}`);
  });
});
