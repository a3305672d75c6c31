import { draftFromLines, runStages } from '../draft';
import {
  extractAuthorLabel,
  extractEditors,
  extractKeywords,
  extractPublishedDate,
  extractSourceLabel,
  cleanSource,
} from './metadata';
import { extractTitle } from './title';
import { seedDraft, seedLine } from '../../../tests/fixtures/seeds';
import { cleanSeed, texts } from '../../../tests/support/stages';

describe('extractPublishedDate', () => {
  it("reads seed 002's date line and removes it", () => {
    const d = extractPublishedDate.run(cleanSeed('002', [13, 14, 15]));
    expect(d.date?.iso).toBe('2022-04-20T14:06:00+08:00');
    expect(d.date?.evidence).toBe('explicit');
    expect(texts(d)).toEqual(['来源:河南日报客户端', '责任编辑:李新贺']);
  });

  it("reads seed 003's date with seconds and leaves the source on the line", () => {
    const d = extractPublishedDate.run(cleanSeed('003', [5]));
    expect(d.date).toMatchObject({ iso: '2022-04-22T14:36:26+08:00', raw: '2022-04-22 14:36:26' });
    expect(texts(d)).toEqual(['来源:映象网']);
  });

  it('takes no date from a sentence, an impossible date or a year alone', () => {
    const d = draftFromLines([
      '2022年4月20日上午,市长来到社区。',
      '2022-02-30 10:00',
      '2020年春节',
      seedLine('003', 29),
    ]);
    expect(extractPublishedDate.run(d)).toBe(d);
  });

  it('takes the weekday that some pages print between date and time', () => {
    const d = extractPublishedDate.run(draftFromLines(['2022年04月22日 星期五 14:36 来源:映象网']));
    expect(d.date?.iso).toBe('2022-04-22T14:36:00+08:00');
    expect(texts(d)).toEqual(['来源:映象网']);
  });

  it('accepts a labelled date', () => {
    const d = extractPublishedDate.run(draftFromLines(['发布时间:2021/3/5 08:30']));
    expect(d.date?.iso).toBe('2021-03-05T08:30:00+08:00');
  });
});

describe('extractSourceLabel', () => {
  it("reads seed 002's 来源:", () => {
    const d = extractSourceLabel.run(cleanSeed('002', [14]));
    expect(d.source).toBe('河南日报客户端');
    expect(d.blocks).toEqual([]);
    expect(d.removed.filter((r) => r.stage === 'extractSourceLabel')).toEqual([
      { stage: 'extractSourceLabel', text: '来源:河南日报客户端' },
    ]);
  });

  it('stops at the next label on the line', () => {
    const d = extractSourceLabel.run(draftFromLines(['来源:映象网 作者:张三']));
    expect(d.source).toBe('映象网');
    expect(texts(d)).toEqual(['作者:张三']);
  });
});

describe('extractEditors and extractKeywords', () => {
  it("read seed 003's keyword line with its editor", () => {
    const d = runStages([extractEditors, extractKeywords], cleanSeed('003', [45]));
    expect(d.editors).toEqual(['高御']);
    expect(d.keywords).toEqual(['新乡', '疫情防控', '党员']);
    expect(d.blocks).toEqual([]);
  });

  it("reads seed 002's 责任编辑:", () => {
    expect(extractEditors.run(cleanSeed('002', [15])).editors).toEqual(['李新贺']);
  });

  it('leaves a sentence about an editor alone', () => {
    const d = draftFromLines(['他的编辑:张三说,这篇稿子要改三遍。']);
    expect(extractEditors.run(d)).toBe(d);
  });
});

describe('extractAuthorLabel', () => {
  it('reads a labelled byline line and leaves the rest of it', () => {
    const d = extractAuthorLabel.run(draftFromLines(['作者:张三 李四 来源:新华社']));
    expect(d.reporters).toEqual(['张三', '李四']);
    expect(texts(d)).toEqual(['来源:新华社']);
  });
});

describe('extractTitle', () => {
  it("takes seed 000's first line", () => {
    const d = extractTitle.run(seedDraft('000', [1, 3]));
    expect(d.title).toBe('滎陽:共產黨員成為疫情防控主力軍');
    expect(d.blocks).toHaveLength(1);
  });

  it('gives seed 001 no title, since its first line is the lead, and says so', () => {
    const d = extractTitle.run(seedDraft('001', [1, 2]));
    expect(d.title).toBeUndefined();
    expect(d.blocks).toHaveLength(2);
    expect(d.warnings).toEqual(['no title: the page starts with body text']);
  });
});

describe('labels, placeholders and sources across outlets', () => {
  it('reads every label of one line and drops CMS placeholders with their labels', () => {
    const d = runStages(
      [extractPublishedDate, extractEditors, extractAuthorLabel, extractSourceLabel],
      draftFromLines(['发布时间:2022-03-15 10:32 来源:本站 作者:admin 浏览次数:']),
    );
    expect([d.source, d.reporters, d.date?.iso]).toEqual([
      undefined,
      [],
      '2022-03-15T10:32:00+08:00',
    ]);
    expect(texts(d)).toEqual(['浏览次数:']);
    const e = extractEditors.run(
      draftFromLines(['编辑:张珂 责任编辑:刘亮', '责任编辑:张玉 SN242']),
    );
    expect([e.editors, texts(e)]).toEqual([['张珂', '刘亮', '张玉'], []]);
  });

  it('takes a date from anywhere in a metadata line, never from a photo credit', () => {
    const d = extractPublishedDate.run(
      draftFromLines([
        '(2020年3月23日摄)',
        '来源:央视网 | 2023年04月13日 19:46',
        '中央社 2023年8月1日 週二 下午2:15',
      ]),
    );
    expect(d.date?.iso).toBe('2023-04-13T19:46:00+08:00');
    expect(
      extractPublishedDate.run(draftFromLines(['中央社 2023年8月1日 週二 下午2:15'])).date?.iso,
    ).toBe('2023-08-01T14:15:00+08:00');
  });

  it('names the publisher behind a site', () => {
    expect(cleanSource('人民网-人民日报')).toBe('人民日报');
    expect(cleanSource('人民网-河南频道')).toBe('人民网');
    expect(cleanSource('光明网-《光明日报》')).toBe('光明日报');
    expect(cleanSource('新华网 | |')).toBe('新华网');
    expect(cleanSource('未知')).toBeUndefined();
  });
});

describe('extractSourceLabel and pictures', () => {
  it('does not take a picture source for the story source', () => {
    const d = extractSourceLabel.run(draftFromLines(['(图片来源:中国载人航天工程办公室)']));
    expect([d.source, texts(d)]).toEqual([undefined, ['(图片来源:中国载人航天工程办公室)']]);
  });
});
