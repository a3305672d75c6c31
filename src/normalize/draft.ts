// The draft an article is built in: stages read a draft and return a new one, never mutate it.
import type { Article, EvidenceField, FieldEvidence, Removal } from '../article';

export type BlockKind = 'paragraph' | 'subheading' | 'caption';

/** One line of the page: a paragraph until a stage says it is a subheading or caption. */
export interface Block {
  text: string;
  kind: BlockKind;
}

/** The article's metadata as the stages find it; the title may still be missing. */
export interface Draft extends Pick<
  Article,
  'date' | 'source' | 'reporters' | 'correspondents' | 'editors' | 'place' | 'keywords' | 'removed'
> {
  blocks: Block[];
  title?: string;
  /** Things a reader of the report should know (no title, a guessed year...). */
  warnings: string[];
  evidence: Partial<Record<EvidenceField, FieldEvidence>>;
  /** Keys (see ../boilerplate.ts) of this page's lines that its folder's other pages repeat. */
  repeatedLines?: ReadonlySet<string>;
}

/** A named, pure step of the pipeline; the name is recorded with everything it removes. */
export interface Stage {
  name: string;
  run: (draft: Draft) => Draft;
}

/** A draft of plain paragraphs: one block per non-empty line. */
export function draftFromLines(lines: string[]): Draft {
  const blocks = lines.filter((l) => l.trim() !== '').map((text) => paragraph(text));
  return draftFromBlocks(blocks);
}

export function draftFromBlocks(blocks: Block[]): Draft {
  return {
    blocks,
    reporters: [],
    correspondents: [],
    editors: [],
    keywords: [],
    removed: [],
    warnings: [],
    evidence: {},
  };
}

/**
 * The draft with `fields` set, each recorded with the stage and text that gave it; the fields in
 * `uncertain` are recorded as weak evidence (whether or not they are set).
 */
export function withEvidence(
  draft: Draft,
  stage: string,
  text: string,
  fields: Partial<Draft>,
  uncertain: EvidenceField[] = [],
): Draft {
  const evidence = { ...draft.evidence };
  for (const key of Object.keys(fields) as EvidenceField[]) {
    if (EVIDENCE_FIELDS.includes(key)) evidence[key] = { stage, text: text.trim() };
  }
  for (const key of uncertain) evidence[key] = { stage, text: text.trim(), uncertain: true };
  return { ...draft, ...fields, evidence };
}

const EVIDENCE_FIELDS: readonly EvidenceField[] = ['title', 'date', 'source', 'place', 'reporters'];

/** Names in order, each once. */
export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

export function paragraph(text: string): Block {
  return { text, kind: 'paragraph' };
}

/** A stage that removes every block matching `isChrome` (which may look at its neighbours). */
export function dropBlocks(
  name: string,
  isChrome: (text: string, index: number, blocks: readonly Block[]) => boolean,
): Stage {
  return {
    name,
    run(draft) {
      const kept: Block[] = [];
      const removed: Removal[] = [];
      draft.blocks.forEach((block, i, all) => {
        if (isChrome(block.text, i, all)) removed.push({ stage: name, text: block.text });
        else kept.push(block);
      });
      if (removed.length === 0) return draft;
      return { ...draft, blocks: kept, removed: [...draft.removed, ...removed] };
    },
  };
}

/**
 * A stage that gives the blocks matching `matches` another kind (caption, subheading); each is
 * judged on the blocks as they were before the stage, with the draft for its title.
 */
export function markBlocks(
  name: string,
  kind: BlockKind,
  matches: (block: Block, index: number, blocks: readonly Block[], draft: Draft) => boolean,
): Stage {
  return {
    name,
    run(draft) {
      let marked = false;
      const blocks = draft.blocks.map((block, i, all): Block => {
        if (!matches(block, i, all, draft)) return block;
        marked = true;
        return { ...block, kind };
      });
      return marked ? { ...draft, blocks } : draft;
    },
  };
}

/**
 * A stage that removes everything from the first block where `startsChrome` holds to the end of
 * the page (footers, related-article lists): what follows such a marker is never article text.
 */
export function cutFrom(
  name: string,
  startsChrome: (text: string, index: number, blocks: readonly Block[]) => boolean,
): Stage {
  return {
    name,
    run(draft) {
      const at = draft.blocks.findIndex((b, i, all) => startsChrome(b.text, i, all));
      if (at < 0) return draft;
      const removed = draft.blocks.slice(at).map((b) => ({ stage: name, text: b.text }));
      return {
        ...draft,
        blocks: draft.blocks.slice(0, at),
        removed: [...draft.removed, ...removed],
      };
    },
  };
}

/**
 * A stage that removes fragments inside blocks: `pattern` must be global; each block's removed
 * fragments are recorded together, and a block left empty disappears.
 */
export function stripFragments(
  name: string,
  pattern: RegExp,
  replacement: string | ((match: string, ...groups: string[]) => string) = '',
): Stage {
  if (!pattern.global) throw new Error(`${name}: the pattern must be global`);
  const groupCount = new RegExp(`${pattern.source}|`).exec('')!.length - 1;
  return mapText(name, (text) => {
    const found: string[] = [];
    const out = text.replace(pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, groupCount) as string[];
      const kept = typeof replacement === 'string' ? replacement : replacement(match, ...groups);
      if (kept !== match) found.push(match.trim());
      return kept;
    });
    return { text: out, removed: found };
  });
}

/** A stage that rewrites each block's text, recording what the rewrite says it removed. */
export function mapText(
  name: string,
  edit: (text: string) => { text: string; removed: string[] },
): Stage {
  return {
    name,
    run(draft) {
      const blocks: Block[] = [];
      const removed: Removal[] = [];
      let changed = false;
      for (const block of draft.blocks) {
        const r = edit(block.text);
        const emptied = r.text.trim() === '';
        const what = r.removed.length > 0 ? r.removed.join(' ') : emptied ? block.text : '';
        if (what !== '') removed.push({ stage: name, text: what });
        if (!emptied) blocks.push(r.text === block.text ? block : { ...block, text: r.text });
        changed ||= r.text !== block.text;
      }
      if (!changed) return draft;
      return { ...draft, blocks, removed: [...draft.removed, ...removed] };
    },
  };
}

/** Runs stages in order. */
export function runStages(stages: readonly Stage[], draft: Draft): Draft {
  return stages.reduce((d, stage) => stage.run(d), draft);
}

/** Sentence-final punctuation, ASCII and full-width (closing quotes may follow it). */
export const SENTENCE_END = /[。!?\uFF01\uFF1F…;\uFF1B]/;

/** True when a block reads as prose: it contains at least one sentence end. */
export function isProse(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** Number of Han characters plus other visible characters: the length a reader sees. */
export function visibleLength(text: string): number {
  return [...text.replace(/\s+/g, '')].length;
}
