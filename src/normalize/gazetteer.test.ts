import { getGazetteer, readPlaceOpening, within } from './gazetteer';

describe('the gazetteer', () => {
  const one = (form: string) => {
    const found = getGazetteer().forms.get(form) ?? [];
    expect(found).toHaveLength(1);
    return found[0]!.division;
  };

  it('holds the mainland, Hong Kong, Macau and Taiwan, folded as the index folds', () => {
    expect(one('涟源市')).toMatchObject({ level: 'county', suffix: 1 });
    expect(within(one('涟源市'), one('湖南省'))).toBe(true);
    // Taiwan's list is Traditional (臺北市, 板橋區): folded, it answers either script.
    expect(one('台北市')).toMatchObject({ level: 'prefecture', suffix: 1 });
    expect(within(one('板桥区'), one('新北市'))).toBe(true);
    expect(within(one('新北市'), one('台湾省'))).toBe(true);
    expect(within(one('湾仔区'), one('香港特别行政区'))).toBe(true);
    expect(one('香港特别行政区').suffix).toBe('特别行政区'.length);
  });

  it('gives provinces and prefectures a short name, counties only their full one', () => {
    expect(
      getGazetteer()
        .forms.get('湖南')
        ?.map((e) => e.short),
    ).toEqual([true]);
    expect(getGazetteer().forms.get('涟源')).toBeUndefined();
    // One character left would be a word: 和县 keeps its suffix.
    expect(one('和县').suffix).toBe(0);
  });

  it('leaves out groupings that are not places', () => {
    expect(getGazetteer().forms.get('市辖区')).toBeUndefined();
    expect([...getGazetteer().forms.keys()].filter((f) => /直辖|行政区划/.test(f))).toEqual([]);
  });
});

describe('readPlaceOpening', () => {
  it('reads a chain of divisions and gives the last one as written, without its suffix', () => {
    expect(readPlaceOpening('湖南漣源市自1月24日啟動')).toMatchObject({
      place: '漣源',
      raw: '湖南漣源市',
    });
    expect(readPlaceOpening('北京市海淀区今天')?.place).toBe('海淀');
    expect(readPlaceOpening('吉林省吉林市')?.place).toBe('吉林');
    expect(readPlaceOpening('安徽和县今年')?.place).toBe('和县');
  });

  it('reads nothing from a short name, an ambiguous or two-character name alone', () => {
    for (const text of ['杭州第19届亚运会', '香港特區政府', '朝阳区今天', '和县今年', '郑州'])
      expect([text, readPlaceOpening(text)]).toEqual([text, undefined]);
  });
});
