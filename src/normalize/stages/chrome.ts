// Stages that remove page chrome: whole lines that belong to the site, not to the article.
import type { Block, Stage } from '../draft';
import { cutFrom, dropBlocks, isProse, visibleLength } from '../draft';

const PROVINCES = new Set(
  (
    '北京 天津 上海 重庆 重慶 河北 山西 辽宁 遼寧 吉林 黑龙江 黑龍江 江苏 江蘇 浙江 安徽 福建 ' +
    '江西 山东 山東 河南 湖北 湖南 广东 廣東 海南 四川 贵州 貴州 云南 雲南 陕西 陝西 甘肃 ' +
    '甘肅 青海 台湾 臺灣 台灣 内蒙古 內蒙古 广西 廣西 西藏 宁夏 寧夏 新疆 香港 澳门 澳門 兵团 兵團'
  ).split(' '),
);

/** A site menu listing the provinces ("中新网首页 安徽 北京 重庆 ..."). */
export const dropProvinceMenus = dropBlocks('dropProvinceMenus', (text) => {
  const tokens = text.split(/\s+/).filter(Boolean);
  const provinces = tokens.filter((t) => PROVINCES.has(t)).length;
  return tokens.length >= 6 && provinces >= 0.6 * tokens.length && !isProse(text);
});

/** A search box's label or placeholder ("搜 索"). */
export const dropSearchBoxes = dropBlocks('dropSearchBoxes', (text) =>
  /^(?:搜\s*索|站[内內]搜索|全站搜索|search|请输入关键[词字]|請輸入關鍵[詞字])$/i.test(text),
);

// "投稿邮箱:a@b.com", "新闻热线:0371-65700861", "(滎陽政務新聞熱線:158...,投稿郵箱:[email protected]".
const CONTACT_PAIR =
  /[\p{Script=Han}A-Za-z]{0,12}(?:热线|熱線|电话|電話|邮箱|郵箱|信箱|e-?mail)\s*[:\uFF1A]\s*(?:\[email[^\]]*\]|[\w.@+-]+)?/giu;

/** Lines made only of contact details: e-mail addresses and hotlines. */
export const dropContactLines = dropBlocks('dropContactLines', (text) => {
  const rest = text.replace(CONTACT_PAIR, '');
  return rest !== text && /^[\s()\uFF08\uFF09,\uFF0C;\uFF1B、。|]*$/.test(rest);
});

/** Font-size switches: "【字体:大 中 小】", "字号:T|T". */
export const dropFontSizeControls = dropBlocks('dropFontSizeControls', (text) =>
  /^[【[]?\s*字[体體号號]\s*[:\uFF1A]\s*(?:大\s*中\s*小|T\s*\|\s*T)\s*[】\]]?$/.test(text),
);

/** "首页 > 同心中原 > 正文 >", "今日热点 > 正文", "当前位置:首页 > 新闻". */
export function isBreadcrumb(text: string): boolean {
  const parts = text.split(/\s*[>›»\uFF1E]\s*/).filter((p) => p.trim() !== '');
  if (parts.length < 2 || !/[>›»\uFF1E]/.test(text)) return false;
  if (parts.some((p) => visibleLength(p) > 14 || isProse(p))) return false;
  return /首[页頁]|正文|[当當]前位置|您的位置/.test(text) || parts.length >= 3;
}

export const dropBreadcrumbs = dropBlocks('dropBreadcrumbs', (text) => isBreadcrumb(text));

const HEADER_SPAN = 12;

/** A line that could be a headline: short and not a sentence. */
export function isHeadlineLike(text: string): boolean {
  return visibleLength(text) <= 64 && !/[。]/.test(text) && !/[,\uFF0C、:\uFF1A]$/.test(text);
}

/**
 * Site banners above the breadcrumb ("中国新闻网河南新闻"): when a breadcrumb near the top is
 * followed by a headline and preceded by no prose, everything above it is the site's header.
 */
export const dropSiteHeader = dropBlocks('dropSiteHeader', (_text, index, blocks) => {
  const crumb = blocks.slice(0, HEADER_SPAN).findIndex((b) => isBreadcrumb(b.text));
  if (crumb <= 0 || index >= crumb) return false;
  const next = blocks[crumb + 1];
  return (
    next !== undefined &&
    isHeadlineLike(next.text) &&
    !blocks.slice(0, crumb).some((b) => isProse(b.text))
  );
});

const FOOTER_LINK =
  /关于我们|關於我們|网站简介|網站簡介|联系我们|聯繫我們|广告服务|廣告服務|版权声明|版權聲明|法律声明|法律聲明|网站地图|網站地圖/;

// Terms of use and disclaimers: "未经授权不得转载", "本网站所刊载信息,不代表中新社和中新网观点",
// "声明:本文转载自网络", and the site's operator and registration ("主办单位:", "网站标识码").
const TERMS =
  /未[经經].{0,4}授[权權]|非[经經].{0,2}授[权權]|不得[转轉][载載]|禁止[转轉][载載]|[转轉][载載]自[网網][络絡]|平台[声聲]明|不代表.{0,16}(?:观点|觀點|立场|立場)|^主[办辦](?:单位|單位)?\s*[:\uFF1A]|[网網]站[标標][识識]码|[网網]站[标標][识識]碼|技[术術]支持\s*[:\uFF1A]/;

/** The first line of a site footer: a bar of footer links, a copyright, a licence number, terms. */
export function isFooterStart(text: string): boolean {
  const links = text.split(/[|｜]/).filter((p) => p.trim() !== '');
  if (links.length >= 3 && FOOTER_LINK.test(text)) return true;
  if (/^(?:copyright|©|\(c\))/i.test(text)) return true;
  if (/ICP[证備备證]|公网安备|公網安備/.test(text)) return true;
  if (TERMS.test(text) && visibleLength(text) <= 100) return true;
  return /版[权權]所有/.test(text) && visibleLength(text) <= 40;
}

function hasProseBefore(index: number, blocks: readonly Block[]): boolean {
  return blocks.slice(0, index).some((b) => isProse(b.text));
}

/** The site footer: from its first line to the end of the page, once the article has begun. */
export const dropFooters = cutFrom(
  'dropFooters',
  (text, i, blocks) => isFooterStart(text) && hasProseBefore(i, blocks),
);

const META_LABEL = /(?:来源|來源|作者|时间|時間|日期|发布|發佈|發布|编辑|編輯)\s*[:\uFF1A]/;
const DATED_HEADLINE =
  /^(.{4,80}?)\s*[[(（【]?\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s*(?:星期|週|周)[一二三四五六日天])?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[\])）】]?$/u;

/** Lists of linked headlines ending in their dates ("聊城东昌府区发布...招募令!2022-03-18"). */
export const dropLinkedHeadlineLists = dropBlocks('dropLinkedHeadlineLists', (text) => {
  const m = DATED_HEADLINE.exec(text);
  // "来源:央视网 | 2023年04月13日 19:46" is the page's own metadata line, not a linked headline.
  return m !== null && !/[。]/.test(m[1]!) && !META_LABEL.test(m[1]!);
});

/** A headline shown twice on one line (image link and text link): "标题 标题". */
export const dropDoubledHeadlines = dropBlocks('dropDoubledHeadlines', (text) =>
  /^(.{4,}?)\s+\1$/u.test(text),
);

const SECTION_LABELS = new Set(
  (
    '今日热点 今日熱點 精品原创 精品原創 读图时代 讀圖時代 地市直通车 地市直通車 热点推荐 熱點推薦 ' +
    '图片新闻 圖片新聞 热门文章 熱門文章 编辑推荐 編輯推薦 猜你喜欢 猜你喜歡 热门推荐 熱門推薦'
  ).split(' '),
);

/** Section labels of the site's side and bottom boxes ("今日热点", "读图时代"). */
export const dropSectionLabels = dropBlocks('dropSectionLabels', (text) =>
  SECTION_LABELS.has(text.trim()),
);

const RELATED_MARKER =
  /^[【[]?(?:相[关關](?:文章|阅读|閱讀|新[闻聞]|[热熱][词詞]搜索|[链鏈]接|报道|報道|推[荐薦])|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|[热熱][点點]新[闻聞]|猜你喜[欢歡]|更多新[闻聞]|[热熱][词詞]|上一篇|下一篇)[】\]]?(?:\s*[:\uFF1A]|\s+换一换|\s+換一換|$)/;

/**
 * Related-article lists ("相關文章:", "相关阅读 换一换", "上一篇:", "相關熱詞搜索:"): once the
 * article has begun, the first marker and everything after it go; a marker before any prose
 * goes alone.
 */
export const dropRelatedLists: Stage = {
  name: 'dropRelatedLists',
  run(draft) {
    const isMarker = (b: Block) => RELATED_MARKER.test(b.text) && visibleLength(b.text) <= 60;
    const cut = cutFrom('dropRelatedLists', (_t, i, blocks) => {
      return isMarker(blocks[i]!) && hasProseBefore(i, blocks);
    }).run(draft);
    return dropBlocks('dropRelatedLists', (_t, i, blocks) => isMarker(blocks[i]!)).run(cut);
  },
};

// The story's closing credit: "【责任编辑:刘阳】", "(责编:刘军涛、袁勃)", "责任编辑:崔萌", "本文来源:四川日报
// 作者:吴晓铃 责任编辑:王晓波", or a last paragraph ending "(完)" or "(編輯:林興盟)1120509".
const CLOSING_CREDIT =
  /^(?:[【[(\uFF08]?\s*(?:[纠糾][错錯]\s*[】\])\uFF09]\s*[【[(\uFF08]?\s*)?(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:\uFF1A][^。]{0,30}|本文来源\s*[:\uFF1A].{0,60}(?:编辑|編輯)\s*[:\uFF1A].{0,30})$/;
const CLOSING_MARK =
  /[(\uFF08](?:完|全文完|編輯[:\uFF1A][^()\uFF08\uFF09]{2,20}|编辑[:\uFF1A][^()\uFF08\uFF09]{2,20})[)\uFF09]\s*\d{0,8}\s*$/;

/**
 * What follows the story's closing credit is not the story: the next headline and its lead,
 * lists, sign-up boxes. The credit line itself stays for the editor stages to read.
 */
export const dropAfterArticleEnd: Stage = {
  name: 'dropAfterArticleEnd',
  run(draft) {
    const end = draft.blocks.findIndex(
      (b, i, all) =>
        hasProseBefore(i, all) &&
        (CLOSING_CREDIT.test(b.text.trim()) || (isProse(b.text) && CLOSING_MARK.test(b.text))),
    );
    if (end < 0) return draft;
    // Credit lines right after a closing mark ("(完)" then "【编辑:罗攀】") still belong to the story.
    let last = end;
    while (
      last + 1 < draft.blocks.length &&
      CLOSING_CREDIT.test(draft.blocks[last + 1]!.text.trim())
    )
      last++;
    if (last === draft.blocks.length - 1) return draft;
    return cutFrom('dropAfterArticleEnd', (_t, i) => i === last + 1).run(draft);
  },
};
