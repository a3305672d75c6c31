import { countTerms, parseQuery, tokenize } from './parse';

const word = (text: string) => ({ kind: 'word' as const, text });
const phrase = (text: string) => ({ kind: 'phrase' as const, text });

describe('parseQuery', () => {
  it('ANDs words separated by any whitespace, ideographic space included', () => {
    expect(parseQuery('郑凯  荥阳\u3000疫情')).toEqual({
      groups: [[word('郑凯')], [word('荥阳')], [word('疫情')]],
      excluded: [],
    });
  });

  it('reads ASCII and CJK quotes as phrases, collapsing inner whitespace', () => {
    expect(parseQuery('"党员 先锋队" “疫情防控” 「阻击战」')).toEqual({
      groups: [[phrase('党员 先锋队')], [phrase('疫情防控')], [phrase('阻击战')]],
      excluded: [],
    });
  });

  it('runs an unclosed quote to the end of the query', () => {
    expect(parseQuery('疫情 "党员先锋队  ')).toEqual({
      groups: [[word('疫情')], [phrase('党员先锋队')]],
      excluded: [],
    });
  });

  it('drops an empty or punctuation-only phrase and a lone quote', () => {
    expect(parseQuery('"" "，" 疫情 "')).toEqual({ groups: [[word('疫情')]], excluded: [] });
  });

  it('excludes words and phrases after a minus', () => {
    expect(parseQuery('疫情 -漯河 -"党员先锋队"')).toEqual({
      groups: [[word('疫情')]],
      excluded: [word('漯河'), phrase('党员先锋队')],
    });
  });

  it('keeps a hyphen inside a word and ignores a lone minus', () => {
    expect(parseQuery('COVID-19 - 疫情')).toEqual({
      groups: [[word('COVID-19')], [word('疫情')]],
      excluded: [],
    });
  });

  it('groups terms joined by OR, chains included', () => {
    expect(parseQuery('疫情 漣源 OR 涟源 OR "阳谷县" 党员')).toEqual({
      groups: [[word('疫情')], [word('漣源'), word('涟源'), phrase('阳谷县')], [word('党员')]],
      excluded: [],
    });
  });

  it('ignores OR at either end, doubled, or next to an exclusion', () => {
    expect(parseQuery('OR 疫情 OR OR 党员 OR -漯河 OR 阳谷 OR')).toEqual({
      groups: [[word('疫情'), word('党员')], [word('阳谷')]],
      excluded: [word('漯河')],
    });
  });

  it('reads or in any case as OR, as Chinese keyboards type it; -or stays a word', () => {
    expect(parseQuery('漣源 or 阳谷 Or "党员" -OR')).toEqual({
      groups: [[word('漣源'), word('阳谷'), phrase('党员')]],
      excluded: [word('OR')],
    });
  });

  it('excludes after a full-width minus and the dashes a Chinese keyboard types', () => {
    for (const minus of ['－', '—', '——', '–', '−', '﹣']) {
      expect(parseQuery(`疫 ${minus}漯河`)).toEqual({
        groups: [[word('疫')]],
        excluded: [word('漯河')],
      });
    }
    expect(parseQuery('疫 －“党员先锋队”')).toEqual({
      groups: [[word('疫')]],
      excluded: [phrase('党员先锋队')],
    });
  });

  it('passes engine syntax through as plain text', () => {
    expect(parseQuery('title:郑凯 body:* /re.*/ (a AND b)')).toEqual({
      groups: [
        [word('title:郑凯')],
        [word('body:*')],
        [word('/re.*/')],
        [word('(a')],
        [word('AND')],
        [word('b)')],
      ],
      excluded: [],
    });
  });

  it('drops punctuation-only words', () => {
    expect(parseQuery('， 。 *** 疫')).toEqual({ groups: [[word('疫')]], excluded: [] });
  });

  it('gives an empty query for blank input', () => {
    expect(parseQuery('  ')).toEqual({ groups: [], excluded: [] });
  });

  it('counts every term', () => {
    expect(countTerms(parseQuery('a OR b c -d'))).toBe(4);
  });
});

describe('tokenize', () => {
  it('splits a word at an opening quote', () => {
    expect(tokenize('疫情"防控"')).toEqual([
      { type: 'term', term: word('疫情'), negated: false },
      { type: 'term', term: phrase('防控'), negated: false },
    ]);
  });

  it('counts characters outside the BMP as one', () => {
    expect(tokenize('𠀀字 -"𠀀"')).toEqual([
      { type: 'term', term: word('𠀀字'), negated: false },
      { type: 'term', term: phrase('𠀀'), negated: true },
    ]);
  });
});
