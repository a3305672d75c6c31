// Stages that remove the site's controls: menu bars, buttons and labels, calls to action. They
// judge a line by what it is made of, never by the site it comes from.
import { dropBlocks, isProse, visibleLength } from '../draft';

// Role words: a line naming reporters or editors is a byline, never a menu.
const ROLE = /记者|記者|通讯员|通訊員|编辑|編輯|责编|責編|作者|摄影|攝影/;

/**
 * "网易首页 应用 网易新闻 网易公开课 ...", "即時 熱門 政治 軍武 ...", "网站首页 | 政务公开 | ...": four or
 * more short items (three when set apart by bars) and no sentence.
 */
export function isMenuBar(text: string): boolean {
  if (isProse(text) || ROLE.test(text) || /\d{4}\s*[-/.年]/.test(text)) return false;
  const barred = /[|\uFF5C]/.test(text);
  const items = text.split(/[\s|\uFF5C·•]+/).filter((t) => t !== '');
  return (
    items.length >= (barred ? 3 : 4) &&
    items.every((t) => visibleLength(t) <= 8) &&
    items.reduce((n, t) => n + visibleLength(t), 0) / items.length <= 6
  );
}

export const dropMenuBars = dropBlocks('dropMenuBars', (text) => isMenuBar(text));

// The words of buttons and controls: share, print, close, collect, report, log in, font size,
// counters and the age check. A line made only of these (and counts) is the site's, not the story's.
const CONTROL_WORDS = new RegExp(
  '^(?:' +
    [
      '分享(?:至|到)?',
      '[打列]印(?:本[页頁]|此[页頁])?',
      '[关關]闭(?:窗口)?|關閉(?:窗口)?',
      '收藏',
      '[转轉]发|[转轉]發|[转轉]载|[转轉]載',
      '[举舉][报報]',
      '[纠糾][错錯]',
      '登入|登[录錄]|注[册冊]|[订訂][阅閱]',
      '留言|[评評]论|[评評]論|[参參]与互[动動]|點贊|点赞',
      '[大小]?字[号號体體级級]|[大中小]|T',
      '[点點]击|[点點]擊|[浏瀏][览覽](?:次[数數]|量)?|[阅閱][读讀](?:[数數]|量)?|人[气氣]|访问量|訪問量',
      '点击播报本文|點擊播報本文|约|約|次',
      '我已年[满滿]18[岁歲]|未[满滿]18[岁歲]|[离離][开開]',
      '\\d+次?',
    ].join('|') +
    ')$',
);

/** "字號: 轉發 列印", "【打印本页】 【关闭窗口】", "阅读 ()", "举报", "0", "我已年滿18歲", "浏览次数:". */
export function isControlLine(text: string): boolean {
  if (visibleLength(text) > 40 || isProse(text)) return false;
  const words = text.split(/[\s|\uFF5C【】[\]()\uFF08\uFF09:\uFF1A,\uFF0C、/]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => CONTROL_WORDS.test(w));
}

export const dropControlLines = dropBlocks('dropControlLines', (text) => isControlLine(text));

// A label left with no value once its metadata is read: "责任编辑:", "热词:", "作者:".
const EMPTY_LABEL =
  /^[[(\uFF08【]?(?:责任编辑|責任編輯|责编|責編|编辑|編輯|作者|来源|來源|热词|熱詞|标签|標籤|关键词|關鍵詞)\s*[:\uFF1A]\s*[\])\uFF09】]?$/;
// "原标题:大运会火炬传递启动": the headline the story had elsewhere.
const ORIGINAL_TITLE = /^[(\uFF08]?\s*原[标標][题題]\s*[:\uFF1A][^()\uFF08\uFF09]*[)\uFF09]?$/;

export const dropEmptyLabels = dropBlocks(
  'dropEmptyLabels',
  (text) => EMPTY_LABEL.test(text) || ORIGINAL_TITLE.test(text),
);

// What a page asks its reader to do: download, follow, subscribe, add a friend, read more.
const CALL_TO_ACTION =
  /下[载載].{0,8}(?:客户端|用戶端|APP|App|app)|(?:[点點]击|[点點]擊|欢迎|歡迎)[关關]注|[关關]注(?:公众号|公眾號|我们|我們|微信|微博)|公众号|公眾號|加入.{0,12}好友|追[踪蹤].{0,10}(?:google|news|LINE|粉[丝絲]|[专專][页頁])|[点點]我|按我|返回.{0,6}查看|更多精彩|更多[热熱][点點]|分享[让讓]|[领領]取|立即[预預]约|扫码|掃碼|抢先看|搶先看|[热熱][门門]推播|用APP/;

/** Short lines that ask the reader to act: "下载网易新闻客户端,看更多精彩内容!", "加入中時新聞網LINE好友". */
export const dropCallsToAction = dropBlocks(
  'dropCallsToAction',
  (text) =>
    visibleLength(text) <= 30 &&
    CALL_TO_ACTION.test(text) &&
    !ROLE.test(text) &&
    (text.match(/[。\uFF1F?]/g)?.length ?? 0) === 0,
);
