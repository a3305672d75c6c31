// Known-item queries for bench:relevance: a span of 4 to 8 characters from one line of a
// poem, to be searched for in either script. Pure.
import type { Article } from '../../src/article';
import { randomInt } from './random';

export const SPAN = { min: 4, max: 8 } as const;

/** Runs of Han characters: a span never straddles punctuation, as a typed quote would not. */
const HAN_RUN = /\p{Script=Han}+/gu;

export interface KnownItem {
  id: string;
  title: string;
  script: Article['script'];
  /** The span as the poem writes it. */
  span: string;
}

/**
 * A span of one line of the article: a random line holding a run of at least SPAN.min Han
 * characters, a random such run in it, a random length and start within it. Undefined when no
 * line has such a run.
 */
export function pickSpan(lines: readonly string[], random: () => number): string | undefined {
  const runs = lines.map((line) =>
    (line.match(HAN_RUN) ?? []).map((run) => [...run]).filter((run) => run.length >= SPAN.min),
  );
  const usable = runs.filter((lineRuns) => lineRuns.length > 0);
  if (usable.length === 0) return undefined;
  const lineRuns = usable[randomInt(random, 0, usable.length - 1)]!;
  const run = lineRuns[randomInt(random, 0, lineRuns.length - 1)]!;
  const length = randomInt(random, SPAN.min, Math.min(SPAN.max, run.length));
  const start = randomInt(random, 0, run.length - length);
  return run.slice(start, start + length).join('');
}

/**
 * The 1-based rank of the hit that holds `id`, or undefined when none does. A hit holds its own
 * article and, collapsed by story (the API's default), the other versions it lists: the item is
 * found when its story is, as a reader sees it.
 */
export function rankOf(id: string, hits: readonly (readonly string[])[]): number | undefined {
  const i = hits.findIndex((ids) => ids.includes(id));
  return i === -1 ? undefined : i + 1;
}

export interface RankSummary {
  queries: number;
  /** Mean reciprocal rank, counting a miss (not in the top k) as 0. */
  mrr: number;
  /** Share of queries whose item is in the top k. */
  recall: number;
}

export function summarizeRanks(ranks: readonly (number | undefined)[], k: number): RankSummary {
  const found = ranks.filter((r): r is number => r !== undefined && r <= k);
  const reciprocal = found.reduce((sum, r) => sum + 1 / r, 0);
  return {
    queries: ranks.length,
    mrr: ranks.length > 0 ? reciprocal / ranks.length : NaN,
    recall: ranks.length > 0 ? found.length / ranks.length : NaN,
  };
}

/** Punctuation between two runs of Han characters within a line (，、。；：？！ and the like). */
const GAP = /(?<=\p{Script=Han})\p{P}{1,2}(?=\p{Script=Han})/gu;
/** Characters taken on each side of the gap. */
export const SIDE = { min: 2, max: 4 } as const;

export interface CrossingSpan {
  /** The span as the line writes it, its punctuation included. */
  written: string;
  /** The same characters with the punctuation left out, as one might type them. */
  bare: string;
}

/**
 * A span that crosses punctuation: SIDE.min to SIDE.max Han characters on either side of one
 * gap of a random line that has such a gap (床前明月光，疑是 from 床前明月光，疑是地上霜).
 * Undefined when no line has one.
 */
export function pickCrossingSpan(
  lines: readonly string[],
  random: () => number,
): CrossingSpan | undefined {
  const gaps = lines.flatMap((line) =>
    [...line.matchAll(GAP)].flatMap((gap) => {
      const before = /\p{Script=Han}+$/u.exec(line.slice(0, gap.index))![0];
      const after = /^\p{Script=Han}+/u.exec(line.slice(gap.index + gap[0].length))![0];
      const left = [...before];
      const right = [...after];
      return left.length >= SIDE.min && right.length >= SIDE.min
        ? [{ left, punctuation: gap[0], right }]
        : [];
    }),
  );
  if (gaps.length === 0) return undefined;
  const { left, punctuation, right } = gaps[randomInt(random, 0, gaps.length - 1)]!;
  const before = left.slice(-randomInt(random, SIDE.min, Math.min(SIDE.max, left.length)));
  const after = right.slice(0, randomInt(random, SIDE.min, Math.min(SIDE.max, right.length)));
  return {
    written: `${before.join('')}${punctuation}${after.join('')}`,
    bare: `${before.join('')}${after.join('')}`,
  };
}
