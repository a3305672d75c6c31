import { draftFromLines, runStages } from '../draft';
import { stripPinyinAnnotations } from './artifacts';
import {
  extractByline,
  extractCredits,
  extractDateline,
  extractPlaceFromLead,
  extractPlaceFromTitle,
  inferDateYear,
  parseByline,
} from './dateline';
import { seedDraft, seedLine } from '../../../tests/fixtures/seeds';
import { texts } from '../../../tests/support/stages';

describe('extractDateline', () => {
  it("reads seed 004's 鲁网1月31日讯 as publisher and a partial date", () => {
    const d = extractDateline.run(seedDraft('004', [2]));
    expect(d.source).toBe('鲁网');
    expect(d.date).toEqual({ month: 1, day: 31, evidence: 'partial', raw: '鲁网1月31日讯' });
    // The bracketed byline right after the dateline goes with it.
    expect([d.reporters, d.correspondents]).toEqual([['连峰'], ['商贺']]);
    expect(texts(d)[0]).toMatch(/^2020年春节/);
  });

  it("reads seed 000's 映象網訊 and seed 001's 中國新報訊 (pinyin gone) without a date", () => {
    const a = extractDateline.run(seedDraft('000', [3]));
    expect([a.source, a.date]).toEqual(['映象網', undefined]);
    const b = runStages([stripPinyinAnnotations, extractDateline], seedDraft('001', [1]));
    expect([b.source, b.date]).toEqual(['中國新報', undefined]);
  });

  it('reads a wire dateline with its place, and 本报 as no publisher', () => {
    const d = extractDateline.run(draftFromLines(['新华社北京1月31日电(记者 张三)正文第一句。']));
    expect([d.source, d.place, d.date?.raw]).toEqual(['新华社', '北京', '新华社北京1月31日电']);
    const own = extractDateline.run(draftFromLines(['本报讯(记者 李四)正文第一句。']));
    expect(own.source).toBeUndefined();
    expect([texts(own), own.reporters]).toEqual([['正文第一句。'], ['李四']]);
  });

  it('leaves a lead that only contains 讯 alone', () => {
    const d = draftFromLines(['喜讯传来,全村沸腾了。']);
    expect(extractDateline.run(d)).toBe(d);
  });
});

describe('parseByline', () => {
  it('sorts names by role', () => {
    expect(parseByline('记者 连峰 通讯员 商贺')).toEqual({
      reporters: ['连峰'],
      correspondents: ['商贺'],
      editors: [],
    });
    expect(parseByline('河南日报客户端记者 卢松 通讯员 赵君明 陆梦娇')).toEqual({
      reporters: ['卢松'],
      correspondents: ['赵君明', '陆梦娇'],
      editors: [],
      org: '河南日报客户端',
    });
    expect(parseByline('陆建斌  李修朝  武海鸣')?.reporters).toEqual([
      '陆建斌',
      '李修朝',
      '武海鸣',
    ]);
    expect(parseByline('记者王文凯')?.reporters).toEqual(['王文凯']);
  });

  it('refuses what is not a byline', () => {
    for (const s of [
      '右二',
      '完',
      '待续',
      '新华社',
      '优氯净 N95',
      '一面鲜红旗帜、一支志愿队伍、一个先锋岗位',
    ]) {
      expect([s, parseByline(s)]).toEqual([s, undefined]);
    }
  });
});

describe('extractByline', () => {
  it("takes seed 000's byline after the dateline", () => {
    const d = runStages([extractDateline, extractByline], seedDraft('000', [3]));
    expect([d.reporters, d.correspondents]).toEqual([['王文凱'], ['蔣士勳']]);
    expect(texts(d)[0]).toMatch(/^1月30日凌晨0時左右/);
  });

  it('takes the signatures closing seeds 002 and 003', () => {
    const a = extractByline.run(seedDraft('002', [39, 41]));
    expect([a.reporters, a.correspondents]).toEqual([['卢松'], ['赵君明', '陆梦娇']]);
    expect(a.source).toBe('河南日报客户端');
    expect(texts(a)[1]).toMatch(/铮铮誓言。$/);
    const b = extractByline.run(seedDraft('003', [41, 43]));
    expect(b.reporters).toEqual(['陆建斌', '李修朝', '武海鸣']);
    expect(texts(b)[1]).toMatch(/一面鲜艳的党旗。$/);
  });

  it('leaves brackets inside sentences alone', () => {
    const d = runStages([stripPinyinAnnotations], seedDraft('001', [4]));
    expect(extractByline.run(d)).toBe(d);
    const closing = draftFromLines(['全文到此结束。(完)']);
    expect(extractByline.run(closing)).toBe(closing);
  });
});

describe('inferDateYear', () => {
  it('dates seed 004 from the one year its text names', () => {
    const lines = Array.from({ length: 20 }, (_, i) => i + 2);
    const d = runStages([extractDateline, inferDateYear], seedDraft('004', lines));
    expect(d.date).toMatchObject({
      iso: '2020-01-31T00:00:00+08:00',
      year: 2020,
      evidence: 'inferred-year',
      year_raw: '2020年春节',
    });
    expect(d.warnings).toEqual([]);
  });

  it('keeps the date partial when the text names no year or several', () => {
    const none = runStages(
      [extractDateline, inferDateYear],
      draftFromLines(['鲁网1月31日讯 正文。']),
    );
    expect(none.date?.evidence).toBe('partial');
    expect(none.date?.iso).toBeUndefined();
    expect(none.warnings[0]).toMatch(/no year/);
    const two = runStages(
      [extractDateline, inferDateYear],
      draftFromLines(['鲁网1月31日讯 2019年以来和2020年春节。']),
    );
    expect(two.date?.evidence).toBe('partial');
    expect(two.warnings[0]).toMatch(/2019, 2020/);
  });
});

describe('extractPlaceFromTitle', () => {
  const withTitle = (title: string, lines: string[]) => ({ ...draftFromLines(lines), title });

  it('reads the place opening the headlines of seeds 000, 003 and 004', () => {
    const a = withTitle(seedLine('000', 1), [seedLine('000', 5)]);
    expect(extractPlaceFromTitle.run(a).place).toBe('滎陽');
    const b = withTitle(seedLine('003', 3), [seedLine('003', 7)]);
    expect(extractPlaceFromTitle.run(b).place).toBe('新乡市平原示范区');
    const c = withTitle(seedLine('004', 1), [seedLine('004', 2)]);
    expect(extractPlaceFromTitle.run(c).place).toBe('阳谷');
  });

  it('takes no place from a speaker or a headline without one', () => {
    const a = withTitle('专家:疫情防控要科学精准', ['专家表示,要科学防控。']);
    expect(extractPlaceFromTitle.run(a).place).toBeUndefined();
    const b = withTitle(seedLine('002', 11), [seedLine('002', 17)]);
    expect(extractPlaceFromTitle.run(b).place).toBeUndefined();
  });
});

describe('extractPlaceFromLead', () => {
  const place = (lines: string[]) => extractPlaceFromLead.run(draftFromLines(lines)).place;

  it("reads seed 001's 湖南漣源市 after its dateline, in its own script", () => {
    const d = runStages(
      [stripPinyinAnnotations, extractDateline, extractPlaceFromLead],
      seedDraft('001', [1]),
    );
    expect([d.source, d.place]).toEqual(['中國新報', '漣源']);
    expect(d.evidence.place).toEqual({ stage: 'extractPlaceFromLead', text: '湖南漣源市' });
  });

  it('reads Taiwan, Hong Kong and mainland divisions, named with their suffix', () => {
    expect(place(['臺北市政府今天宣布,明年起調漲公車票價。'])).toBe('臺北');
    expect(place(['新北市板橋區公所今天舉辦淨灘活動。'])).toBe('板橋');
    expect(place(['香港特別行政區政府今日公布施政報告。'])).toBe('香港');
    expect(place(['灣仔區議會昨日討論交通問題。'])).toBe('灣仔');
    expect(place(['广东省珠海市近日举行航展筹备会。'])).toBe('珠海');
    expect(place(['恩施土家族苗族自治州今年粮食产量创下新高。'])).toBe('恩施土家族苗族自治州');
  });

  it('invents no place from a word, a short name, an ambiguous name or a later mention', () => {
    // 城区, 北区: districts, and words. 鼓楼区: a district of four cities.
    expect(place(['城区各街道今天开展卫生大扫除。'])).toBeUndefined();
    expect(place(['北区居民反映停车难的问题。'])).toBeUndefined();
    expect(place(['鼓楼区今天召开会议部署工作。'])).toBeUndefined();
    expect(place(['南京市鼓楼区今天召开会议部署工作。'])).toBe('鼓楼');
    // Short names name events and organisations as often as the place reported from.
    expect(place(['杭州第19届亚运会志愿者招募工作今日正式启动。'])).toBeUndefined();
    expect(place(['海南儋州近年来发展特色农业。'])).toBeUndefined();
    expect(place(['11月2日,灵宝市召开安全生产工作会议。'])).toBeUndefined();
    // A line that is only a name is no lead.
    expect(place(['湖南省涟源市', '正文第一句。'])).toBeUndefined();
  });

  it('keeps a place the dateline or headline gave', () => {
    const d = { ...draftFromLines(['湖南漣源市自1月24日啟動一級響應。']), place: '婁底' };
    expect(extractPlaceFromLead.run(d).place).toBe('婁底');
  });
});

describe('datelines and credits across outlets', () => {
  it('finds the dateline past a stray line, with its bracketed byline', () => {
    const d = extractDateline.run(
      draftFromLines([
        '港澳新闻',
        '中评社香港5月12日电(记者 沈而忱)多位港区全国人大代表日前表示。',
      ]),
    );
    expect([d.source, d.place, d.reporters, texts(d)]).toEqual([
      '中评社',
      '香港',
      ['沈而忱'],
      ['港澳新闻', '多位港区全国人大代表日前表示。'],
    ]);
  });

  it('takes no year from a photo credit', () => {
    const d = runStages(
      [extractDateline, inferDateYear],
      draftFromLines([
        '這是陶岔渠首樞紐工程(2019年12月5日攝)。新華社記者 李安 攝',
        '新華社鄭州2月10日電(記者王林園)記者10日獲悉,調水已突破500億立方米。',
      ]),
    );
    expect([d.date?.evidence, d.date?.iso]).toEqual(['partial', undefined]);
  });

  it('reads credit lines and never takes a place the story does not name', () => {
    const d = extractCredits.run(draftFromLines(['澎湃新闻记者 陈斯斯', '正文第一句。']));
    expect([d.source, d.reporters, texts(d)]).toEqual(['澎湃新闻', ['陈斯斯'], ['正文第一句。']]);
    const t = {
      ...draftFromLines(['海南儋州近年来发展特色农业。']),
      title: '央视报道儋州:特色农业助力乡村振兴',
    };
    expect(extractPlaceFromTitle.run(t).place).toBeUndefined();
  });
});
