// Stages that read labelled metadata lines (date, source, editors, keywords) and the title.
import type { PublishedDate, Removal } from '../../article';
import type { Block, Draft, Stage } from '../draft';
import { isProse, visibleLength } from '../draft';
import { isHeadlineLike } from './chrome';

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar-checked ISO 8601 time in China's offset, or undefined for an impossible date. */
export function isoBeijing(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): string | undefined {
  const t = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    t.getUTCFullYear() === year &&
    t.getUTCMonth() === month - 1 &&
    t.getUTCDate() === day &&
    t.getUTCHours() === hour &&
    t.getUTCMinutes() === minute &&
    t.getUTCSeconds() === second;
  if (!valid) return undefined;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+08:00`;
}

/** A short line that is not prose: where pages print their metadata. */
function isMetaLine(block: Block): boolean {
  return block.kind === 'paragraph' && visibleLength(block.text) <= 80 && !isProse(block.text);
}

/**
 * Replaces the first metadata match in a metadata line: `read` returns the draft's new fields, or
 * undefined to pass. The matched text is removed from the line and recorded.
 */
function extractFromMetaLine(
  name: string,
  pattern: RegExp,
  read: (m: RegExpExecArray, draft: Draft) => Partial<Draft> | undefined,
): Stage {
  return {
    name,
    run(draft) {
      for (let i = 0; i < draft.blocks.length; i++) {
        const block = draft.blocks[i]!;
        if (!isMetaLine(block)) continue;
        const m = pattern.exec(block.text);
        if (!m) continue;
        const fields = read(m, draft);
        if (!fields) continue;
        const rest = (block.text.slice(0, m.index) + block.text.slice(m.index + m[0].length))
          .replace(/\s+/g, ' ')
          .trim();
        const blocks = [...draft.blocks];
        if (rest === '') blocks.splice(i, 1);
        else blocks[i] = { ...block, text: rest };
        const removal: Removal = { stage: name, text: m[0].trim() };
        return { ...draft, ...fields, blocks, removed: [...draft.removed, removal] };
      }
      return draft;
    },
  };
}

// "2022年04月20日 14:06", "2022-04-22 14:36:26", "发布时间:2022-04-22 星期五": a date at the start of a
// line, followed by nothing or by more metadata, never by a sentence.
const DATE_LINE =
  /^(?:(?:发布时间|發佈時間|發布時間|发布日期|發佈日期|發布日期|时间|時間|日期)\s*[:\uFF1A]\s*)?(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2}))(?:\s*(?:星期|周|週)[一二三四五六日天])?(?:\s*(\d{1,2})[:\uFF1A](\d{2})(?:[:\uFF1A](\d{2}))?)?(?=\s|$)/;

/** The page's own publication date and time. */
export const extractPublishedDate = extractFromMetaLine(
  'extractPublishedDate',
  DATE_LINE,
  (m, draft) => {
    if (draft.date) return undefined;
    const [year, month, day, hour, minute, second] = [
      m[1],
      m[2] ?? m[4],
      m[3] ?? m[5],
      m[6],
      m[7],
      m[8],
    ].map((v) => (v === undefined ? 0 : Number(v))) as [number, ...number[]];
    const iso = isoBeijing(year, month!, day!, hour, minute, second);
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

/** "来源:映象网", "来源:河南日报客户端". */
export const extractSourceLabel = extractFromMetaLine(
  'extractSourceLabel',
  new RegExp(`(?:文章来源|文章來源|来源|來源|稿源)\\s*[:\uFF1A]\\s*${value}`),
  (m, draft) => (draft.source ? undefined : { source: m[1]! }),
);

/** "责任编辑:李新贺", "责编:高御". */
export const extractEditors = extractFromMetaLine(
  'extractEditors',
  new RegExp(`(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\\s*[:\uFF1A]\\s*${value}`),
  (m, draft) => ({ editors: [...draft.editors, ...splitList(m[1]!)] }),
);

/** "作者:张三 李四", "记者:王五": the byline as a labelled metadata line. */
export const extractAuthorLabel = extractFromMetaLine(
  'extractAuthorLabel',
  new RegExp(`(?:作者|记者|記者)\\s*[:\uFF1A]\\s*${value}`),
  (m, draft) => ({ reporters: [...draft.reporters, ...splitList(m[1]!)] }),
);

/** "文章关键词:新乡,疫情防控,党员". */
export const extractKeywords = extractFromMetaLine(
  'extractKeywords',
  new RegExp(
    `(?:文章关键词|文章關鍵詞|关键词|關鍵詞|关键字|關鍵字|标签|標籤)\\s*[:\uFF1A]\\s*${value}`,
  ),
  (m, draft) => ({ keywords: [...draft.keywords, ...splitList(m[1]!)] }),
);

/**
 * The title: the first line left once the chrome is gone, if it reads as a headline. A page
 * whose first line is already body text has no title, and says so.
 */
export const extractTitle: Stage = {
  name: 'extractTitle',
  run(draft) {
    if (draft.title !== undefined) return draft;
    const first = draft.blocks[0];
    if (!first || !isHeadlineLike(first.text)) {
      return {
        ...draft,
        warnings: [...draft.warnings, 'no title: the page starts with body text'],
      };
    }
    return { ...draft, title: first.text, blocks: draft.blocks.slice(1) };
  },
};
