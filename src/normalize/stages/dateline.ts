// Stages that read the article's own opening and closing: dateline, byline, year, place.
import { isoBeijing, type PublishedDate } from '../../article';
import type { Block, Draft, Stage } from '../draft';
import { readPlaceOpening } from '../gazetteer';
import { union, visibleLength, withEvidence } from '../draft';
import { OWN_PAPER, parseCredit, parseDateline } from './grammar';
import { mayReplaceSource, PHOTO_CREDIT } from './metadata';

const firstParagraph = (d: Draft) => d.blocks.findIndex((b) => b.kind === 'paragraph');

function lastParagraph(d: Draft): number {
  for (let i = d.blocks.length - 1; i >= 0; i--) if (d.blocks[i]!.kind === 'paragraph') return i;
  return -1;
}

function replaceBlock(d: Draft, index: number, text: string): Block[] {
  const blocks = [...d.blocks];
  if (text.trim() === '') blocks.splice(index, 1);
  else blocks[index] = { ...blocks[index]!, text: text.trim() };
  return blocks;
}

/** How far down the page a dateline may open the story (stray lines may come first). */
const DATELINE_SPAN = 12;

/**
 * The dateline opening the story, in any of the forms of ./grammar.ts, at the start of one of the
 * first lines: publisher, place, month and day, reporters, and a bylined bracket right after it
 * ("(记者 沈而忱)"). A month and day without a year are kept as a partial date. The publisher a
 * dateline names outranks a "来源" label, which often names the site that reposted the story.
 */
export const extractDateline: Stage = {
  name: 'extractDateline',
  run(draft) {
    const limit = Math.min(draft.blocks.length, DATELINE_SPAN);
    for (let i = 0; i < limit; i++) {
      const block = draft.blocks[i]!;
      if (block.kind !== 'paragraph') continue;
      const found = parseDateline(block.text);
      if (!found) continue;
      let rest = block.text.slice(found.raw.length);
      let raw = found.raw.trim();
      let byline: Byline | undefined;
      const bracket = LEADING.exec(rest.trimStart());
      if (bracket) byline = parseByline(bracket[1]!);
      if (bracket && byline) {
        rest = rest.trimStart().slice(bracket[0].length);
        raw = `${raw}${bracket[0]}`;
      }
      let next: Draft = {
        ...draft,
        blocks: replaceBlock(draft, i, rest),
        removed: [...draft.removed, { stage: 'extractDateline', text: raw }],
      };
      const fields: Partial<Draft> = {};
      if (found.source && mayReplaceSource(draft, 'extractDateline')) fields.source = found.source;
      if (found.place && !draft.place) fields.place = found.place;
      if (found.reporters.length > 0) fields.reporters = union(draft.reporters, found.reporters);
      const { month, day } = found;
      // 2000 is a leap year, so 2月29日 passes this check of month and day alone.
      if (!draft.date && month && day && isoBeijing(2000, month, day)) {
        fields.date = { month, day, evidence: 'partial', raw: found.raw.trim() };
      }
      next = withEvidence(next, 'extractDateline', found.raw, fields);
      if (byline) next = { ...next, ...withByline(next, byline) };
      return next;
    }
    return draft;
  },
};

/**
 * Credit lines of their own, anywhere on the page: "本报记者 李红梅", "澎湃新闻记者 陈斯斯",
 * "星島日報報道", "人民周刊 2020年13期". Their reporters join the byline; their publisher is the
 * source when nothing better named one.
 */
export const extractCredits: Stage = {
  name: 'extractCredits',
  run(draft) {
    let d = draft;
    const kept: Block[] = [];
    for (const block of draft.blocks) {
      const credit =
        block.kind === 'paragraph' && visibleLength(block.text) <= 30
          ? parseCredit(block.text)
          : undefined;
      if (!credit) {
        kept.push(block);
        continue;
      }
      const fields: Partial<Draft> = {};
      if (credit.reporters.length > 0) fields.reporters = union(d.reporters, credit.reporters);
      if (credit.source && mayReplaceSource(d, 'extractCredits')) fields.source = credit.source;
      d = withEvidence(d, 'extractCredits', block.text, fields);
      d = { ...d, removed: [...d.removed, { stage: 'extractCredits', text: block.text }] };
    }
    return kept.length === draft.blocks.length ? draft : { ...d, blocks: kept };
  },
};

type Role = 'reporters' | 'correspondents' | 'editors';

const ROLES: [RegExp, Role][] = [
  [/(?:实习|實習|特约|特約|首席)?(?:记者|記者)|实习生|實習生|摄影|攝影/, 'reporters'],
  [/通讯员|通訊員/, 'correspondents'],
  [/责任编辑|責任編輯|编辑|編輯/, 'editors'],
];
const ROLE_WORD = new RegExp(`^(.*?)(${ROLES.map(([r]) => r.source).join('|')})(.*)$`);
// Two to four characters, or a transliterated name joined by dots (阿依古丽·买买提).
const NAME = /^\p{Script=Han}{2,4}$|^\p{Script=Han}+(?:·\p{Script=Han}+)+$/u;
// "(完)", "(待续)", "(新华社)", "(右二)": closing marks, credits and places in a photo.
const NOT_A_NAME =
  /^(?:完|全文完|待续|待續|未完|续|續|图|圖|(?:前排|后排|後排)?[左右中][一二三四五六七八九十]?)$|[社网網报報台]$/;

export interface Byline {
  reporters: string[];
  correspondents: string[];
  editors: string[];
  /** An organisation named before a role: "河南日报客户端记者". */
  org?: string;
}

/**
 * "记者 连峰 通讯员 商贺", "河南日报客户端记者 卢松 通讯员 赵君明 陆梦娇", "陆建斌  李修朝  武海鸣":
 * names after a role word belong to it; names before any role are reporters. Anything that is
 * neither a role nor a name means this is not a byline.
 */
export function parseByline(content: string): Byline | undefined {
  const out: Byline = { reporters: [], correspondents: [], editors: [] };
  let role: Role = 'reporters';
  let labelled = false;
  for (const token of content.split(/[\s、,\uFF0C]+/).filter(Boolean)) {
    const r = ROLE_WORD.exec(token);
    let name = token;
    if (r) {
      const word = r[2]!;
      role = ROLES.find(([re]) => re.test(word))![1];
      labelled = true;
      if (r[1]) out.org ??= r[1];
      name = r[3]!.replace(/^[:\uFF1A]/, '');
      if (name === '') continue;
    }
    if (!NAME.test(name) || (!labelled && NOT_A_NAME.test(name))) return undefined;
    out[role].push(name);
  }
  const people = out.reporters.length + out.correspondents.length + out.editors.length;
  return people > 0 ? out : undefined;
}

function withByline(draft: Draft, b: Byline): Partial<Draft> {
  const org = b.org && !OWN_PAPER.test(b.org) ? b.org : undefined;
  return {
    reporters: union(draft.reporters, b.reporters),
    correspondents: union(draft.correspondents, b.correspondents),
    editors: union(draft.editors, b.editors),
    source: draft.source ?? org,
  };
}

const LEADING = /^[(\uFF08]([^()\uFF08\uFF09]{2,60})[)\uFF09]/;
// After a sentence end, so "市长劉杰(右二)" in a sentence is never taken for a signature.
// A story number may follow it: "(編輯:林興盟)1120509".
const TRAILING =
  /(?<=[。!?\uFF01\uFF1F”…])\s*[(\uFF08]([^()\uFF08\uFF09]{2,60})[)\uFF09]\s*\d{0,8}\s*$/;

/**
 * The byline in brackets at the start of the first paragraph (after the dateline) or at the end
 * of the last one.
 */
export const extractByline: Stage = {
  name: 'extractByline',
  run(draft) {
    let d = draft;
    for (const [index, pattern] of [
      [firstParagraph(d), LEADING],
      [lastParagraph(d), TRAILING],
    ] as const) {
      const text = d.blocks[index]?.text;
      const m = text === undefined ? null : pattern.exec(text);
      const byline = m ? parseByline(m[1]!) : undefined;
      if (!m || !byline) continue;
      const rest = text!.slice(0, m.index) + text!.slice(m.index + m[0].length);
      d = {
        ...d,
        ...withByline(d, byline),
        blocks: replaceBlock(d, index, rest),
        removed: [...d.removed, { stage: 'extractByline', text: m[0].trim() }],
      };
    }
    return d;
  },
};

const YEAR = /((?:19|20)\d{2})年[^\d,\uFF0C。;\uFF1B!?\uFF01\uFF1F\s]{0,8}/g;

/**
 * A month-and-day date gets its year only when the article mentions exactly one year ("2020年春
 * 节"); the phrase it came from is kept in `year_raw`. Otherwise the date stays partial.
 */
export const inferDateYear: Stage = {
  name: 'inferDateYear',
  run(draft) {
    const date = draft.date;
    if (!date || date.evidence !== 'partial') return draft;
    // A photo's credit dates the photo ("2020年3月23日摄"), not the story.
    const mentions = draft.blocks
      .filter((b) => b.kind !== 'caption' && !PHOTO_CREDIT.test(b.text))
      .flatMap((b) => [...b.text.matchAll(YEAR)]);
    const years = [...new Set(mentions.map((m) => Number(m[1])))];
    const iso = years.length === 1 ? isoBeijing(years[0]!, date.month, date.day) : undefined;
    if (!iso) {
      const why =
        years.length === 0 ? 'the text names no year' : `the text names ${years.join(', ')}`;
      const warning = `date: ${date.raw} has no year and ${why}; published_at left unset`;
      return { ...draft, warnings: [...draft.warnings, warning] };
    }
    const inferred: PublishedDate = {
      ...date,
      iso,
      year: years[0],
      evidence: 'inferred-year',
      year_raw: mentions[0]![0],
    };
    return { ...draft, date: inferred };
  },
};

const ADMIN_SUFFIX = '[省市县縣区區镇鎮乡鄉村州盟旗]';

/**
 * The place a headline opens with ("滎陽:...", "这就是山东|阳谷:...", "新乡市平原示范区:..."),
 * when the text confirms it is a place: it ends in an administrative suffix (市, 县, 区 ...) or
 * the article names it with one (滎陽 → 滎陽市). "专家:" or "记者:" never pass.
 */
export const extractPlaceFromTitle: Stage = {
  name: 'extractPlaceFromTitle',
  run(draft) {
    if (draft.place || !draft.title) return draft;
    const m = /^(?:.*[|丨｜])?\s*(\p{Script=Han}{2,10})[:\uFF1A]/u.exec(draft.title);
    if (!m) return draft;
    const prefix = m[1]!;
    const withSuffix = new RegExp(`${prefix}${ADMIN_SUFFIX}`);
    // The story must name the place itself: "央视报道儋州:" ends in 州 but is no place.
    const named = draft.blocks.some((b) => b.text.includes(prefix));
    const confirmed =
      named &&
      (new RegExp(`${ADMIN_SUFFIX}$`).test(prefix) ||
        draft.blocks.some((b) => withSuffix.test(b.text)));
    return confirmed ? { ...draft, place: prefix } : draft;
  },
};

/**
 * The place the lead opens with, when no dateline or headline named one: a story whose dateline
 * names only its publisher ("中國新報訊(通訊員 廖鶴松)") often opens on the place it reports from
 * ("湖南漣源市自1月24日啟動…"). Read against the gazetteer of administrative divisions
 * (../gazetteer.ts): only a division's full name, with its suffix, at the very start of the first
 * paragraph counts, never a place further into the sentence ("11月2日,灵宝市召开…" reports from
 * wherever its dateline says, and the generalization set's annotators left such pages placeless).
 */
export const extractPlaceFromLead: Stage = {
  name: 'extractPlaceFromLead',
  run(draft) {
    if (draft.place) return draft;
    const lead = draft.blocks[firstParagraph(draft)]?.text;
    const found = lead === undefined ? undefined : readPlaceOpening(lead);
    // A line that is nothing but a name is chrome or a label, not a lead.
    if (!found || lead!.length - found.raw.length < MIN_LEAD_REST) return draft;
    return withEvidence(draft, 'extractPlaceFromLead', found.raw, { place: found.place });
  },
};

/** Characters a lead goes on for after the place: a clause, not a stray line. */
const MIN_LEAD_REST = 8;
