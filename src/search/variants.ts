// Query-time alternatives: the same text as another region or script would write it.
// The rules (mappings/phrase-variants.txt, generated from OpenCC's phrase dictionaries by
// scripts/generate-phrase-variants.ts) rewrite folded text, left to right, longest match
// first, as OpenCC converts. Each direction turns the whole query into one alternative, so
// a sentence with several regional words becomes the sentence as that region writes it. A
// query that is one regional word also gets the other mainland words for it ([mainland-also]).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../config';
import { fold } from './fold';

export const PHRASE_VARIANTS_PATH = join(ROOT, 'mappings', 'phrase-variants.txt');

/** The rule tables, one per direction (see mappings/README.md). */
export const DIRECTIONS = ['traditional', 'simplified', 'taiwan', 'hongkong', 'mainland'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export type Rules = Map<string, string>;
export type Tables = Record<Direction, Rules>;
/** The section of a regional word's other mainland words, space-separated: 原始码 => 原代码 源码. */
export const ALSO_SECTION = 'mainland-also';

/** Reads `[direction]` sections of `from => to` lines; `#` lines are comments. */
export function parseVariants(text: string): Tables & { also: Map<string, string[]> } {
  const tables = Object.fromEntries(DIRECTIONS.map((d) => [d, new Map()])) as Tables;
  const also: Rules = new Map();
  let current: Rules | undefined;
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('#')) continue;
    const section = /^\[([\w-]+)\]$/u.exec(line)?.[1];
    if (section !== undefined) {
      if (section === ALSO_SECTION) current = also;
      else if ((DIRECTIONS as readonly string[]).includes(section)) {
        current = tables[section as Direction];
      } else throw new Error(`phrase variants: unknown section [${section}]`);
      continue;
    }
    const [from, to] = line.split(' => ');
    if (!current || from === undefined || to === undefined) {
      throw new Error(`phrase variants: odd line "${line}"`);
    }
    current.set(from, to);
  }
  return { ...tables, also: new Map([...also].map(([from, to]) => [from, to.split(' ')])) };
}

/** Each table's longest key, found once: a table is made once and never changed after its
 * first use, and walking all its keys on every rewrite was most of a search's query-building
 * time (seven rewrites a query; issue 16's profile). */
const longestKeys = new WeakMap<Rules, number>();

function longestKey(rules: Rules): number {
  let longest = longestKeys.get(rules);
  if (longest === undefined) {
    longest = 0;
    for (const key of rules.keys()) longest = Math.max(longest, key.length);
    longestKeys.set(rules, longest);
  }
  return longest;
}

/** Left to right, the longest key that matches wins (OpenCC's maximum forward matching). */
export function rewrite(rules: Rules, text: string): string {
  const longest = longestKey(rules);
  let out = '';
  let i = 0;
  while (i < text.length) {
    let matched = 0;
    for (let len = Math.min(longest, text.length - i); len > 0; len--) {
      if (rules.has(text.slice(i, i + len))) {
        matched = len;
        break;
      }
    }
    if (matched > 0) {
      out += rules.get(text.slice(i, i + matched));
      i += matched;
    } else {
      out += text[i];
      i += 1;
    }
  }
  return out;
}

/** Two tables applied as one: on the same key the first wins. */
function merged(first: Rules, second: Rules): Rules {
  return new Map([...second, ...first]);
}

/** How OpenCC writes text for each target: s2t's phrases, s2twp's and s2hkp's regional words
 * (with s2t's phrases), tw2sp's and hk2sp's mainland words (with t2s's phrases). */
export type Converters = Record<Direction, Rules> & { also: Map<string, string[]> };

function converters(tables: ReturnType<typeof parseVariants>): Converters {
  return {
    also: tables.also,
    traditional: tables.traditional,
    simplified: tables.simplified,
    taiwan: merged(tables.taiwan, tables.traditional),
    hongkong: merged(tables.hongkong, tables.traditional),
    mainland: merged(tables.mainland, tables.simplified),
  };
}

let loaded: Converters | undefined;

/**
 * The folded text as each region and script would write it, without the text itself and
 * without repeats: usually none, for a sentence with regional words one or two, for a regional
 * word all its mainland words.
 * Taiwan <-> Hong Kong goes through the mainland form, as OpenCC's tables do.
 */
export function alternatives(text: string, convert = (loaded ??= load())): string[] {
  const folded = fold(text);
  const mainland = rewrite(convert.mainland, folded);
  const forms = [
    rewrite(convert.traditional, folded),
    rewrite(convert.simplified, folded),
    rewrite(convert.taiwan, folded),
    rewrite(convert.hongkong, folded),
    mainland,
    rewrite(convert.taiwan, mainland),
    rewrite(convert.hongkong, mainland),
    ...(convert.also.get(folded) ?? []),
  ];
  return [...new Set(forms)].filter((form) => form !== folded);
}

function load(): Converters {
  return converters(parseVariants(readFileSync(PHRASE_VARIANTS_PATH, 'utf8')));
}
