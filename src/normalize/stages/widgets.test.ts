import { draftFromLines } from '../draft';
import { dropCallsToAction, dropControlLines, dropEmptyLabels, isMenuBar } from './widgets';

const kept = (stage: { run: typeof dropControlLines.run }, lines: string[]) =>
  stage.run(draftFromLines(lines)).blocks.map((b) => b.text);

describe('the site controls', () => {
  it('knows a menu bar from a byline, a keyword line and a headline', () => {
    expect(isMenuBar('网易首页 应用 网易新闻 网易公开课 网易高考智愿 网易严选 支付 邮箱')).toBe(
      true,
    );
    expect(isMenuBar('网站首页 | 政务公开 | 网上办事 | 政民互动 | 魅力灵宝')).toBe(true);
    expect(isMenuBar('记者 连峰 通讯员 商贺 李四')).toBe(false);
    expect(isMenuBar('儋州 特色农业 乡村振兴')).toBe(false);
    expect(isMenuBar('北市推長者免費健檢 65歲以上可預約')).toBe(false);
  });

  it('drops lines made only of buttons, counters and the age check', () => {
    const lines = [
      '字號: 轉發 列印',
      '【打印本页】 【关闭窗口】',
      '阅读:1023次',
      '我已年滿18歲',
      '收藏本文的三个理由。',
    ];
    expect(kept(dropControlLines, lines)).toEqual(['收藏本文的三个理由。']);
  });

  it('drops calls to action but keeps a subheading that mentions 关注', () => {
    const lines = [
      '下载网易新闻客户端,看更多精彩内容!',
      '加入中時新聞網LINE好友',
      '关注民生 办好实事',
    ];
    expect(kept(dropCallsToAction, lines)).toEqual(['关注民生 办好实事']);
  });

  it('drops labels left without a value and original-title notes', () => {
    expect(
      kept(dropEmptyLabels, ['责任编辑:', '(原标题:大运会火炬传递启动)', '具体措施如下:']),
    ).toEqual(['具体措施如下:']);
  });
});
