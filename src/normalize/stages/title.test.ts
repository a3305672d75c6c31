import { draftFromLines } from '../draft';
import { extractTitle } from './title';

const texts = (lines: string[]) => extractTitle.run(draftFromLines(lines));

describe('extractTitle', () => {
  it('takes the headline closest above the lead, and drops the header above it', () => {
    const d = texts([
      '免费领取体检套餐 点击立即预约>>',
      '一招教你轻松赚钱 月入过万不是梦',
      '健康生活网 > 养生保健 > 正文',
      '高温天气如何预防中暑',
      '经济频道',
      '高温天气持续,中暑风险增加,专家提醒市民做好防暑降温。',
    ]);
    expect(d.title).toBe('高温天气如何预防中暑');
    expect(d.blocks.map((b) => b.text)).toEqual([
      '高温天气持续,中暑风险增加,专家提醒市民做好防暑降温。',
    ]);
    expect(d.removed.map((r) => r.text)).toContain('一招教你轻松赚钱 月入过万不是梦');
    expect(d.evidence.title).toEqual({ stage: 'extractTitle', text: '高温天气如何预防中暑' });
  });

  it('never takes a menu, a breadcrumb, a section label, a date or a byline', () => {
    const d = texts([
      '即時 熱門 政治 軍武 社會 生活 健康 國際',
      '首頁 > 生活',
      '北市老舊公寓補助加裝電梯 申請件數創新高',
      '2023/05/10 05:30',
      '兩岸新聞',
      '澎湃新闻记者 陈斯斯',
      '台北市政府推動老舊公寓加裝電梯補助,今年前四個月申請件數已達85件。',
    ]);
    expect(d.title).toBe('北市老舊公寓補助加裝電梯 申請件數創新高');
  });

  it('leaves the title empty and warns when the candidate is far from any lead', () => {
    const d = texts(['多地推进老旧小区加装电梯', '短行一', '短行二', '没有句子的行']);
    expect(d.title).toBeUndefined();
    expect(d.warnings[0]).toMatch(/^title uncertain: "没有句子的行"/);
    expect(d.evidence.title?.uncertain).toBe(true);
    expect(d.blocks).toHaveLength(4);
  });
});
