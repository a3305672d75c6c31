// Stages that read labelled metadata lines (date, source, editors, keywords) and the title.
import { isoBeijing, type PublishedDate, type Removal } from '../../article';
import type { Block, Draft, Stage } from '../draft';
import { isProse, union, visibleLength, withEvidence } from '../draft';
import { OWN_PAPER } from './grammar';

/** A short line that is not prose: where pages print their metadata. */
function isMetaLine(block: Block): boolean {
  return block.kind === 'paragraph' && visibleLength(block.text) <= 80 && !isProse(block.text);
}

/**
 * Reads every metadata match in the metadata lines, in page order: `read` returns the draft's new
 * fields ({} to drop a placeholder), or undefined to leave the match alone. Each match read is
 * removed from its line and recorded; a line left empty goes.
 */
function extractFromMetaLine(
  name: string,
  pattern: RegExp,
  read: (m: RegExpExecArray, draft: Draft) => Partial<Draft> | undefined,
): Stage {
  return {
    name,
    run(draft) {
      let d = draft;
      for (let i = 0; i < d.blocks.length; i++) {
        for (;;) {
          const block = d.blocks[i]!;
          if (!isMetaLine(block)) break;
          const m = pattern.exec(block.text);
          const fields = m ? read(m, d) : undefined;
          if (!m || !fields) break;
          const rest = (block.text.slice(0, m.index) + block.text.slice(m.index + m[0].length))
            .replace(/\s+/g, ' ')
            .trim();
          const blocks = [...d.blocks];
          if (rest === '') blocks.splice(i, 1);
          else blocks[i] = { ...block, text: rest };
          const removal: Removal = { stage: name, text: m[0].trim() };
          d = { ...withEvidence(d, name, m[0], fields), blocks, removed: [...d.removed, removal] };
          if (rest === '') {
            i--;
            break;
          }
        }
      }
      return d;
    },
  };
}

// "2022年04月20日 14:06", "2022-04-22 14:36:26", "发布时间:2022-04-22 星期五", "来源:央视网 | 2023年04月13日
// 19:46", "中央社 2023年8月1日 週二 下午2:15": a date in a metadata line, with its label if any.
const DATE_IN_LINE =
  /(?:(?:发布时间|發佈時間|發布時間|发布日期|發佈日期|發布日期|更新时间|更新時間|时间|時間|日期)\s*[:\uFF1A]\s*)?(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2}))(?:\s*(?:星期|周|週)[一二三四五六日天])?(?:\s*(上午|下午|晚上)?\s*(\d{1,2})[:\uFF1A](\d{2})(?:[:\uFF1A](\d{2}))?)?(?!\d)/;

/** A photo credit's date ("2020年3月23日摄") is when the photo was taken, not the article's date. */
export const PHOTO_CREDIT = /摄|攝|供图|供圖|图片来源|圖片來源/;

/** The page's own publication date and time. */
export const extractPublishedDate = extractFromMetaLine(
  'extractPublishedDate',
  DATE_IN_LINE,
  (m, draft) => {
    if (draft.date || PHOTO_CREDIT.test(m.input)) return undefined;
    const [year, month, day, hour, minute, second] = [
      m[1],
      m[2] ?? m[4],
      m[3] ?? m[5],
      m[7],
      m[8],
      m[9],
    ].map((v) => (v === undefined ? 0 : Number(v))) as [number, ...number[]];
    const afternoon = (m[6] === '下午' || m[6] === '晚上') && hour! < 12 ? 12 : 0;
    const iso = isoBeijing(year, month!, day!, hour! + afternoon, minute, second);
    if (!iso) return undefined;
    const date: PublishedDate = {
      iso,
      year,
      month: month!,
      day: day!,
      evidence: 'explicit',
      raw: m[0].trim(),
    };
    return { date };
  },
);

/** The value after a label: the rest of the line up to the next "label:". */
const value = '(.+?)(?=\\s+[^\\s:\uFF1A]{1,8}[:\uFF1A]|$)';

/** Splits a list of names or keywords. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,\uFF0C、;\uFF1B/|]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// Two to four characters, or a transliterated name joined by dots (阿依古丽·买买提).
const PERSON = /^\p{Script=Han}{2,4}$|^\p{Script=Han}+(?:·\p{Script=Han}+)+$/u;

/** The people in a labelled list: brackets and staff codes ("王晓波_NBJS11625", "SN242") go. */
export function splitNames(text: string): string[] {
  return splitList(text.replace(/_[A-Za-z0-9]+/g, ''))
    .map((s) => s.replace(/[[\]【】()\uFF08\uFF09〔〕]/g, ''))
    .filter((s) => PERSON.test(s) && !isPlaceholder(s));
}

/** What CMS templates print when a field is empty: never metadata. */
export const PLACEHOLDER =
  /^(?:admin|administrator|root|editor|未知|佚名|匿名|本站|本网|本網|网络|網絡|互联网|互聯網|网友|網友|管理员|管理員|小编|小編|编辑部|編輯部|null|undefined|none)$/i;

export const isPlaceholder = (s: string) => PLACEHOLDER.test(s.trim()) || OWN_PAPER.test(s.trim());

/**
 * A source as pages print it, down to the publisher: "新华网 | 2023-01-11" → 新华网, "人民网-人民日报"
 * → 人民日报 (the paper on its site), "人民网-河南频道" → 人民网 (a channel of the site),
 * "光明网-《光明日报》" → 光明日报. Placeholders give nothing.
 */
export function cleanSource(value: string): string | undefined {
  const first = value.trim().split(/[\s|\uFF5C]+/)[0] ?? '';
  const [site, part] = first.split(/[-\uFF0D—]/);
  const strip = (s: string) => s.replace(/[《》〈〉「」[\]【】()\uFF08\uFF09]/g, '');
  const name = part && !/[频頻]道$/.test(part) ? strip(part) : strip(site ?? '');
  return name === '' || isPlaceholder(name) ? undefined : name;
}

// Who names the source, weakest first: the page's masthead (the site that shows the story), a
// "来源" label (often the site it was taken from), a credit line, the dateline (the story's own).
const SOURCE_RANK = ['extractMasthead', 'extractSourceLabel', 'extractCredits', 'extractDateline'];

/** Whether `stage` may set the source over what the draft has. */
export function mayReplaceSource(draft: Draft, stage: string): boolean {
  if (!draft.source) return true;
  const had = SOURCE_RANK.indexOf(draft.evidence.source?.stage ?? '');
  return had >= 0 && had < SOURCE_RANK.indexOf(stage);
}

/**
 * "来源:映象网", "信息来源:市应急管理局", "本文来源:四川日报"; "来源:本站" is removed and gives nothing;
 * "图片来源:" names a picture's source, not the story's.
 */
export const extractSourceLabel = extractFromMetaLine(
  'extractSourceLabel',
  new RegExp(
    `(?<![图圖]片)(?:信息|消息|本文|文章|新闻|新聞)?(?:来源|來源|稿源)\\s*[:\uFF1A]\\s*${value}`,
  ),
  (m, draft) => {
    const source = cleanSource(m[1]!);
    return source && mayReplaceSource(draft, 'extractSourceLabel') ? { source } : {};
  },
);

/** "责任编辑:李新贺", "责编:高御". */
export const extractEditors = extractFromMetaLine(
  'extractEditors',
  new RegExp(`(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\\s*[:\uFF1A]\\s*${value}`),
  (m, draft) => ({ editors: union(draft.editors, splitNames(m[1]!)) }),
);

/** "作者:张三 李四", "记者:王五": the byline as a labelled metadata line. */
export const extractAuthorLabel = extractFromMetaLine(
  'extractAuthorLabel',
  new RegExp(`(?:作者|记者|記者)\\s*[:\uFF1A]\\s*${value}`),
  (m, draft) => {
    const names = splitNames(m[1]!);
    return names.length > 0 ? { reporters: union(draft.reporters, names) } : {};
  },
);

/** "文章关键词:新乡,疫情防控,党员". */
export const extractKeywords = extractFromMetaLine(
  'extractKeywords',
  new RegExp(
    `(?:文章关键词|文章關鍵詞|关键词|關鍵詞|关键字|關鍵字|标签|標籤)\\s*[:\uFF1A]\\s*${value}`,
  ),
  (m, draft) => ({ keywords: [...draft.keywords, ...splitList(m[1]!)] }),
);

// A paper's or agency's name alone on the page's first line: "自由時報", "明报", "中央社".
const MASTHEAD = /^\p{Script=Han}{1,6}(?:报|報|刊|社)$/u;

/**
 * The masthead: a paper's name printed alone as the page's first line names the source until a
 * label, credit or dateline names another (portals and sites, ending in 网, are not taken: they
 * repost others' stories). It runs before the chrome stages, which take the first line away.
 */
export const extractMasthead: Stage = {
  name: 'extractMasthead',
  run(draft) {
    const first = draft.blocks[0];
    if (!mayReplaceSource(draft, 'extractMasthead') || !first || !MASTHEAD.test(first.text.trim()))
      return draft;
    const source = first.text.trim();
    if (isPlaceholder(source)) return draft;
    return withEvidence(draft, 'extractMasthead', source, { source }, ['source']);
  },
};
