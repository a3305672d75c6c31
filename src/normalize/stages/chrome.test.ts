import { draftFromLines, runStages } from '../draft';
import { stripEmailPlaceholders } from './artifacts';
import {
  dropBreadcrumbs,
  dropContactLines,
  dropDoubledHeadlines,
  dropFontSizeControls,
  dropFooters,
  dropLinkedHeadlineLists,
  dropProvinceMenus,
  dropRelatedLists,
  dropSearchBoxes,
  dropSectionLabels,
  dropSiteHeader,
  dropAfterArticleEnd,
} from './chrome';
import { type SeedName, seedDraft, seedLine } from '../../../tests/fixtures/seeds';
import { cleanSeed, texts } from '../../../tests/support/stages';

const line = (name: SeedName, n: number) => texts(cleanSeed(name, [n]))[0]!;

describe('dropProvinceMenus', () => {
  it("removes seed 002's menu of provinces and keeps a sentence naming provinces", () => {
    const d = dropProvinceMenus.run(cleanSeed('002', [1, 17]));
    expect(texts(d)).toEqual([line('002', 17)]);
    expect(d.removed[0]!.stage).toBe('dropProvinceMenus');
    const sentence = draftFromLines(['北京 上海 广东 浙江 江苏 山东 六地的志愿者都来了。']);
    expect(dropProvinceMenus.run(sentence).blocks).toHaveLength(1);
  });
});

describe('dropSearchBoxes', () => {
  it("removes seed 002's 搜 索", () => {
    expect(texts(dropSearchBoxes.run(cleanSeed('002', [5, 17])))).toEqual([line('002', 17)]);
  });
});

describe('dropContactLines', () => {
  it('removes the submission e-mail and hotline lines of seeds 002 and 000', () => {
    expect(texts(dropContactLines.run(cleanSeed('002', [6, 7, 17])))).toEqual([line('002', 17)]);
    const d = runStages([stripEmailPlaceholders, dropContactLines], seedDraft('000', [61, 63]));
    expect(texts(d)).toEqual([seedLine('000', 61)]);
  });

  it('removes a report hotline standing on its own line', () => {
    const d = dropContactLines.run(draftFromLines(['违法和不良信息举报电话:15699788000']));
    expect(d.blocks).toEqual([]);
  });

  it('keeps a sentence that mentions a hotline', () => {
    const d = draftFromLines(['市民可拨打热线电话:12345咨询,工作人员24小时值守。']);
    expect(dropContactLines.run(d).blocks).toHaveLength(1);
  });
});

describe('dropFontSizeControls', () => {
  it('removes font-size switches and keeps a sentence about type', () => {
    const d = dropFontSizeControls.run(
      draftFromLines(['【字体:大 中 小】', '字号:T|T', '字体大小要合适。']),
    );
    expect(texts(d)).toEqual(['字体大小要合适。']);
  });
});

describe('dropBreadcrumbs', () => {
  it('removes the breadcrumbs of seeds 002 and 003', () => {
    expect(texts(dropBreadcrumbs.run(cleanSeed('002', [9, 11])))).toEqual([line('002', 11)]);
    expect(texts(dropBreadcrumbs.run(cleanSeed('003', [1, 3])))).toEqual([line('003', 3)]);
  });

  it('removes a breadcrumb with full-width signs', () => {
    const d = dropBreadcrumbs.run(
      draftFromLines(['\u5f53\u524d\u4f4d\u7f6e\uff1a首页\uff1e新闻\uff1e正文']),
    );
    expect(d.blocks).toEqual([]);
  });

  it('keeps a sentence with a greater-than sign', () => {
    const d = draftFromLines(['体温 > 37.3 度的人员一律登记。']);
    expect(dropBreadcrumbs.run(d).blocks).toHaveLength(1);
  });
});

describe('dropSiteHeader', () => {
  it("removes seed 002's site banner above the breadcrumb, not the headline or body", () => {
    const d = dropSiteHeader.run(cleanSeed('002', [3, 9, 11, 17]));
    expect(texts(d)).toEqual([line('002', 9), line('002', 11), line('002', 17)]);
    expect(d.removed).toEqual([{ stage: 'dropSiteHeader', text: '中国新闻网河南新闻' }]);
  });

  it('removes nothing when prose stands above the breadcrumb', () => {
    const d = cleanSeed('002', [17, 9, 11]);
    expect(dropSiteHeader.run(d)).toBe(d);
  });
});

describe('dropFooters', () => {
  it("removes seed 002's footer from its link bar to the end", () => {
    const d = dropFooters.run(cleanSeed('002', [41, 43, 44, 45, 46]));
    expect(texts(d)).toEqual([line('002', 41)]);
    expect(d.removed.map((r) => r.stage)).toEqual(Array(4).fill('dropFooters'));
  });

  it("removes seed 003's footer and copyright", () => {
    expect(texts(dropFooters.run(cleanSeed('003', [43, 61, 63, 65])))).toEqual([line('003', 43)]);
  });

  it('cuts nothing before the article has begun', () => {
    const d = cleanSeed('002', [43, 17]);
    expect(dropFooters.run(d)).toBe(d);
  });
});

describe('dropLinkedHeadlineLists', () => {
  it("removes seed 004's list of dated headlines", () => {
    const lines = [21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31];
    expect(texts(dropLinkedHeadlineLists.run(cleanSeed('004', lines)))).toEqual([line('004', 21)]);
  });

  it("keeps seed 003's date-and-source line, which starts with its date", () => {
    expect(dropLinkedHeadlineLists.run(cleanSeed('003', [5])).blocks).toHaveLength(1);
  });
});

describe('dropDoubledHeadlines', () => {
  it("removes seed 003's headlines shown twice on one line", () => {
    expect(texts(dropDoubledHeadlines.run(cleanSeed('003', [51, 55, 43])))).toEqual([
      line('003', 43),
    ]);
  });
});

describe('dropSectionLabels', () => {
  it("removes seed 003's box labels", () => {
    expect(texts(dropSectionLabels.run(cleanSeed('003', [43, 49, 53, 57, 59])))).toEqual([
      line('003', 43),
    ]);
  });
});

describe('dropRelatedLists', () => {
  it("removes seed 001's hot-word search and previous/next links", () => {
    expect(texts(dropRelatedLists.run(cleanSeed('001', [21, 22, 23, 24])))).toEqual([
      line('001', 21),
    ]);
  });

  it("removes seed 000's 相關文章: and seed 003's related box with what follows", () => {
    expect(texts(dropRelatedLists.run(cleanSeed('000', [61, 69])))).toEqual([line('000', 61)]);
    const d = dropRelatedLists.run(cleanSeed('003', [43, 47, 49, 51]));
    expect(texts(d)).toEqual([line('003', 43)]);
  });

  it('drops a marker before the article alone, keeping what follows it', () => {
    const d = dropRelatedLists.run(draftFromLines(['上一篇:旧闻', '标题', '正文第一句。']));
    expect(texts(d)).toEqual(['标题', '正文第一句。']);
  });
});

describe('dropAfterArticleEnd', () => {
  it("drops what follows the closing credit (another story's headline and lead), keeping the credit", () => {
    const d = dropAfterArticleEnd.run(
      draftFromLines([
        '1至5月平均,全国居民消费价格比去年同期上涨0.7%。',
        '【编辑:李骏】',
        '5月份PPI同比下降4.6%',
        '中新网6月9日电 国家统计局9日发布数据,5月份全国工业生产者出厂价格同比下降4.6%。',
      ]),
    );
    expect(d.blocks.map((b) => b.text)).toEqual([
      '1至5月平均,全国居民消费价格比去年同期上涨0.7%。',
      '【编辑:李骏】',
    ]);
  });

  it('keeps credits that follow (完), and leaves a page with the credit at its top alone', () => {
    const lines = ['船厂负责人表示,邮轮将在年内交付运营。(完)', '【责任编辑:张晓】', '相关新闻'];
    expect(dropAfterArticleEnd.run(draftFromLines(lines)).blocks).toHaveLength(2);
    const top = draftFromLines(['责任编辑:李新贺', '正文第一句。', '正文第二句。']);
    expect(dropAfterArticleEnd.run(top)).toBe(top);
  });
});

describe('dropLinkedHeadlineLists and metadata lines', () => {
  it('keeps a dated metadata line that looks like a dated headline', () => {
    const d = draftFromLines([
      '来源:央视网 | 2023年04月13日 19:46',
      '港府公布新一輪防疫措施 2023年4月3日',
    ]);
    expect(dropLinkedHeadlineLists.run(d).blocks.map((b) => b.text)).toEqual([
      '来源:央视网 | 2023年04月13日 19:46',
    ]);
  });
});
