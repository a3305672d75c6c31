// The index's folds done in Node. `fold` is the t2s char filter of the text fields and the
// keyword normalizer: each character to its class's representative (mappings/t2s-mapping.txt,
// one character to one character, so no longest match is needed). `foldKeyword` adds what the
// `cjk_fold_keyword` normalizer does after it: full-width to half-width, then lower case. The
// API needs them where the engine does not fold for it: the query's regional alternatives
// (variants.ts), the `include` pattern of a suggestion's aggregation, and telling which facet
// entry a filter value written in either script stands for.
import { readFileSync } from 'node:fs';
import { parseMappingRules, T2S_MAPPING_FILE } from '../indexer/definition';

/** cjk_width for what names hold: full-width ASCII (Ｆ１－Ｆ５Ｅ) to ASCII. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** The rules of mappings/t2s-mapping.txt (`from => to` per line). */
export function readT2sRules(file = T2S_MAPPING_FILE): Map<string, string> {
  const rules = new Map<string, string>();
  for (const line of parseMappingRules(readFileSync(file, 'utf8'))) {
    const [from, to] = line.split('=>').map((side) => side.trim());
    if (from && to !== undefined) rules.set(from, to);
  }
  return rules;
}

let t2s: Map<string, string> | undefined;

/** Folds every character as the t2s char filter does: 鄭凱 -> 郑凯, 著 -> 着. */
export function fold(text: string): string {
  t2s ??= readT2sRules();
  let out = '';
  for (const char of text) out += t2s.get(char) ?? char;
  return out;
}

/** Folds a name as the index's keyword normalizer does: 映象網 -> 映象网, ＣＣＴＶ -> cctv. */
export function foldKeyword(text: string): string {
  return foldWidth(fold(text)).toLowerCase();
}
