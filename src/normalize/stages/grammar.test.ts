import { parseCredit, parseDateline } from './grammar';

describe('parseDateline', () => {
  it.each([
    ['新华社北京1月11日电(记者高敬、王立彬)记者11日', '新华社', '北京', 1, 11, []],
    ['中新网6月9日电 据国家统计局网站消息', '中新网', undefined, 6, 9, []],
    ['中评社香港5月12日电(记者 沈而忱)多位', '中评社', '香港', 5, 12, []],
    ['(中央社記者王揚宇台北9日電)立法院會今天', '中央社', '台北', undefined, 9, ['王揚宇']],
    ['中央社／ 台北1日電颱風卡努', '中央社', '台北', undefined, 1, []],
    [
      '〔記者蘇孟娟、張軒哲／台中報導〕台中捷運',
      undefined,
      '台中',
      undefined,
      undefined,
      ['蘇孟娟', '張軒哲'],
    ],
    ['【明報專訊】港鐵東涌綫', '明報', undefined, undefined, undefined, []],
  ])('reads %s', (text, source, place, month, day, reporters) => {
    const d = parseDateline(text);
    expect([d?.source, d?.place, d?.month, d?.day, d?.reporters]).toEqual([
      source,
      place,
      month,
      day,
      reporters,
    ]);
  });

  it('gives 本报 no publisher, and finds nothing in a plain sentence', () => {
    expect(parseDateline('本报北京1月5日电(记者邓晖)')?.source).toBeUndefined();
    expect(parseDateline('喜讯传来,全村沸腾了。')).toBeUndefined();
    expect(parseDateline('北京时间1月11日电视直播')).toBeUndefined();
  });
});

describe('parseCredit', () => {
  it('reads credit lines of their own', () => {
    expect(parseCredit('四川日报全媒体记者 吴晓铃')).toEqual({
      source: '四川日报',
      reporters: ['吴晓铃'],
    });
    expect(parseCredit('本报记者 李红梅')).toEqual({ reporters: ['李红梅'] });
    expect(parseCredit('《 人民日报 》( 2021年06月08日 11 版)')?.source).toBe('人民日报');
  });

  it('leaves sentences and headlines alone', () => {
    expect(parseCredit('记者11日从生态环境部获悉。')).toBeUndefined();
    expect(parseCredit('上海今年将新增公园120座')).toBeUndefined();
  });
});
