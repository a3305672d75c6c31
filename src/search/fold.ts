// The keyword fold of the index (the `cjk_fold_keyword` normalizer) done in Node: t2s rules,
// then full-width to half-width, then lower case. The API needs it where the engine does not
// fold for it: the `include` pattern of a suggestion's aggregation, and telling which facet
// entry a filter value written in either script stands for.
import { readFileSync } from 'node:fs';
import { parseMappingRules, T2S_MAPPING_FILE } from '../indexer/definition';

export interface Folder {
  (text: string): string;
}

/** Lucene's MappingCharFilter: left to right, the longest matching rule wins. */
export function mappingFolder(rules: Map<string, string>): Folder {
  let longest = 0;
  for (const key of rules.keys()) longest = Math.max(longest, key.length);
  return (text) => {
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
  };
}

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

let t2s: Folder | undefined;

/** Folds a name as the index's keyword normalizer does: 映象網 -> 映象网, ＣＣＴＶ -> cctv. */
export function foldKeyword(text: string): string {
  t2s ??= mappingFolder(readT2sRules());
  return foldWidth(t2s(text)).toLowerCase();
}
