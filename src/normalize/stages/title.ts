// The title, chosen among the lines above the story's first paragraph by what a headline is and
// where it sits; the lines above it are the site's.
import type { Block, Draft, Stage } from '../draft';
import { isProse, visibleLength, withEvidence } from '../draft';
import { isBreadcrumb, isHeadlineLike } from './chrome';
import { parseCredit, parseDateline } from './grammar';
import { isControlLine, isMenuBar } from './widgets';

/** How far down the page a headline may sit. */
const HEAD_SPAN = 20;
/** Lines of the page's own between a headline and its lead, at most (a date, a byline, a photo). */
const MAX_GAP = 3;

/** The first paragraph of the story: a sentence of some length, or a line opening with a dateline. */
export function isLead(text: string): boolean {
  return (isProse(text) && visibleLength(text) >= 25) || parseDateline(text) !== undefined;
}

// Section and channel labels: "经济频道", "港澳新闻", "兩岸新聞", "即時新聞".
const SECTION_LABEL =
  /^\p{Script=Han}{0,4}(?:频道|頻道|新闻|新聞|要闻|要聞|资讯|資訊|动态|動態|专题|專題|推播|快讯|快訊)$/u;
// A site's own name: "新安县人民政府门户网站", "灵宝市人民政府", "自由時報電子報".
const SITE_NAME = /(?:网站|網站|门户|門戶|人民政府|电子报|電子報)$|^\p{Script=Han}{1,6}(?:网|網)$/u;
// Promotion dressed as a headline: "【热门】...", "震惊!...".
const PROMO = /^[【[](?:热门|熱門|推荐|推薦|广告|廣告|置顶|置頂)[】\]]|震惊|震驚|[!\uFF01]$/;

/** Why a line cannot be the headline, or undefined when it can. */
export function notAHeadline(text: string): string | undefined {
  if (!isHeadlineLike(text) || visibleLength(text) < 5) return 'not headline-shaped';
  if (isProse(text) && !/[?\uFF1F]$/.test(text)) return 'a sentence';
  if (isBreadcrumb(text)) return 'a breadcrumb';
  if (isMenuBar(text)) return 'a menu';
  if (isControlLine(text)) return 'controls';
  if (PROMO.test(text)) return 'promotion';
  if (SECTION_LABEL.test(text) || SITE_NAME.test(text)) return 'a section or site name';
  if (
    /[:\uFF1A]\s*$|^\S{1,6}[:\uFF1A]\s*\S/.test(text) &&
    /来源|來源|作者|时间|時間|日期|编辑|編輯|点击|點擊/.test(text)
  )
    return 'a metadata line';
  if (/\d{4}\s*[-/.年]\s*\d{1,2}/.test(text) && visibleLength(text.replace(/[\d\s:/.-]/g, '')) < 6)
    return 'a date';
  if (parseCredit(text) || parseDateline(text)) return 'a byline';
  return undefined;
}

/** Lines between the headline and the lead that no stage claimed: short, not prose, not a caption. */
function isLooseHeaderLine(block: Block): boolean {
  return block.kind === 'paragraph' && !isProse(block.text) && visibleLength(block.text) <= 12;
}

/**
 * The title: the headline-shaped line closest above the lead. Breadcrumbs, menus, controls,
 * promotion, section labels, dates and bylines never qualify. Everything above the title is the
 * site's header; short loose lines between it and the lead (a bare name, a label) go too. A page
 * whose first line is already the lead has no title, and says so.
 */
export const extractTitle: Stage = {
  name: 'extractTitle',
  run(draft) {
    if (draft.title !== undefined) return draft;
    const blocks = draft.blocks;
    const found = blocks.slice(0, HEAD_SPAN).findIndex((b) => isLead(b.text));
    const lead = found >= 0 ? found : Math.min(blocks.length, HEAD_SPAN);
    let at = -1;
    for (let i = lead - 1; i >= 0; i--) {
      if (blocks[i]!.kind === 'paragraph' && notAHeadline(blocks[i]!.text) === undefined) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      const why =
        lead === 0
          ? 'the page starts with body text'
          : 'no line above the text reads as a headline';
      return { ...draft, warnings: [...draft.warnings, `no title: ${why}`] };
    }
    const title = blocks[at]!.text;
    const gap = blocks.slice(at + 1, lead).filter((b) => !isLooseHeaderLine(b)).length;
    const weak =
      found < 0 ? 'no lead paragraph below it' : gap > MAX_GAP ? `${gap} lines from the lead` : '';
    if (weak !== '') {
      // A wrong title is worse than none: the candidate is recorded, the field stays empty.
      const warning = `title uncertain: "${title}" (${weak}); left empty`;
      const next = { ...draft, warnings: [...draft.warnings, warning] };
      return withEvidence(next, 'extractTitle', title, {}, ['title']);
    }
    const dropped = blocks
      .map((b, i) => ({ b, i }))
      .filter(({ b, i }) => i < at || (i > at && i < lead && isLooseHeaderLine(b)));
    const gone = new Set(dropped.map(({ i }) => i));
    const next: Draft = {
      ...draft,
      blocks: blocks.filter((_, i) => i !== at && !gone.has(i)),
      removed: [
        ...draft.removed,
        ...dropped.map(({ b }) => ({ stage: 'extractTitle', text: b.text })),
      ],
    };
    return withEvidence(next, 'extractTitle', title, { title });
  },
};
