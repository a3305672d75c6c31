import { runStages } from '../draft';
import {
  foldFullWidthAlnum,
  normalizeSpaces,
  stripBulletMarks,
  stripEmailPlaceholders,
  stripHtmlFragments,
  stripMojibake,
  stripPinyinAnnotations,
  trimIndentation,
} from './artifacts';
import { draftFromLines } from '../draft';
import { seedDraft, seedLine } from '../../../tests/fixtures/seeds';
import { texts } from '../../../tests/support/stages';

describe('foldFullWidthAlnum', () => {
  it('folds full-width letters and digits and keeps CJK punctuation', () => {
    const d = foldFullWidthAlnum.run(draftFromLines(['Ｎ９５口罩１４００只，ｂｙ：記者。']));
    expect(texts(d)).toEqual(['N95口罩1400只，by：記者。']);
  });
});

describe('normalizeSpaces and trimIndentation', () => {
  it('remove the no-break-space indentation of seed 002 and fold its runs of spaces', () => {
    const d = runStages([normalizeSpaces, trimIndentation], seedDraft('002', [17, 43]));
    expect(texts(d)[0]).toMatch(/^沙澧河畔流光溢彩/);
    expect(texts(d)[1]).toBe(
      '关于我们 | About us | 联系我们 | 广告服务 | 法律声明 | 招聘信息 | 留言反馈',
    );
  });

  it('turns an ideographic space into one ASCII space', () => {
    const d = runStages(
      [normalizeSpaces, trimIndentation],
      draftFromLines(['\u3000\u3000正文\u3000第一段']),
    );
    expect(texts(d)).toEqual(['正文 第一段']);
  });
});

describe('stripHtmlFragments', () => {
  it('removes stray tags, decodes entities and records the tags', () => {
    const d = stripHtmlFragments.run(
      draftFromLines(['<p>防控&nbsp;<b>一线</b>&ldquo;党旗红&rdquo;&amp;</p>', '没有标签的句子。']),
    );
    expect(texts(d)).toEqual(['防控 一线“党旗红”&', '没有标签的句子。']);
    expect(d.removed).toEqual([{ stage: 'stripHtmlFragments', text: '<p> <b> </b> </p>' }]);
  });

  it('leaves a comparison such as 1<2 alone', () => {
    expect(texts(stripHtmlFragments.run(draftFromLines(['温度 1<2 度。'])))).toEqual([
      '温度 1<2 度。',
    ]);
  });
});

describe('stripMojibake', () => {
  it('removes the broken closing tag of seed 004 and the marks mangled with it', () => {
    const d = stripMojibake.run(seedDraft('004', [15]));
    expect(texts(d)[0]).toMatch(/不为别的,我们无怨无悔$/);
    expect(d.removed).toEqual([{ stage: 'stripMojibake', text: '?!?/span>' }]);
  });

  it('keeps real question marks', () => {
    const line = seedLine('002', 23);
    expect(texts(stripMojibake.run(draftFromLines([line])))).toEqual([line]);
  });
});

describe('stripEmailPlaceholders', () => {
  it("removes Cloudflare's placeholder from seed 000's contact line", () => {
    const d = stripEmailPlaceholders.run(seedDraft('000', [63]));
    expect(texts(d)[0]).toBe('(滎陽政務新聞熱線:15890037786,投稿郵箱:');
    expect(d.removed[0]!.text).toBe('[email\u00a0protected]');
  });
});

describe('stripPinyinAnnotations', () => {
  it('removes the readings after characters in seed 001', () => {
    const d = stripPinyinAnnotations.run(seedDraft('001', [1]));
    expect(texts(d)[0]).toMatch(
      /^中國新報訊\(通訊員 廖鶴松\)湖南漣源市自1月24日啟動重大突發公共衛生事件一級響應以來,/,
    );
    expect(d.removed[0]!.text.split(' ').slice(0, 3)).toEqual(['(bào)', '(fā)', '(wèi)']);
  });

  it('keeps brackets that are not readings: (右二), (武漢), (N95), (de) without a tone', () => {
    const d = stripPinyinAnnotations.run(seedDraft('001', [4, 14]));
    expect(texts(d)[0]).toContain('謝學龍(右二)在');
    expect(texts(d)[1]).toContain('湖北(武漢)返漣');
    const other = stripPinyinAnnotations.run(draftFromLines(['口罩(N95)和的(de)字。']));
    expect(texts(other)).toEqual(['口罩(N95)和的(de)字。']);
  });
});

describe('stripBulletMarks', () => {
  it('removes the bullets of seed 002 metadata and seed 004 lists', () => {
    const d = stripBulletMarks.run(seedDraft('002', [13]));
    expect(texts(d)).toEqual(['2022年04月20日 14:06']);
    const list = stripBulletMarks.run(seedDraft('004', [22]));
    expect(texts(list)).toEqual(['有序+暖心:聊城临清市魏湾镇筑牢疫情防控坚固防线2022-08-29']);
  });

  it('keeps a minus sign or dash that starts a sentence', () => {
    const d = stripBulletMarks.run(draftFromLines(['-5度的夜里,他们仍在值守。']));
    expect(texts(d)).toEqual(['-5度的夜里,他们仍在值守。']);
  });
});
