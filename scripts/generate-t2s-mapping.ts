// Generates mappings/t2s-mapping.txt: the rules of the `mapping` char filter that folds
// Traditional to Simplified inside Elasticsearch, derived from opencc-js's t -> cn conversion.
//
//   npx ts-node scripts/generate-t2s-mapping.ts          (writes the file)
//   npx ts-node scripts/generate-t2s-mapping.ts --check  (exit 1 when the file is stale)
//
// Lucene's MappingCharFilter rewrites left to right, always taking the longest rule that
// matches, as OpenCC's own segmentation does. So: one rule per character that OpenCC
// converts, plus a rule for every dictionary phrase where that longest-match rewrite would
// disagree with OpenCC's phrase conversion (乾隆 must stay 乾隆, not 干隆), plus rules that
// keep those phrases' Simplified forms as they are, so that folding is idempotent and the
// Simplified 乾隆 and the Traditional 乾隆 meet in the index.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { ROOT } from '../src/config';
import { T2S_MAPPING_FILE } from '../src/indexer/definition';

export type Rules = Map<string, string>;

export function longestKey(rules: Rules): number {
  let longest = 0;
  for (const key of rules.keys()) longest = Math.max(longest, key.length);
  return longest;
}

/** Lucene MappingCharFilter's rewrite: left to right, the longest matching rule wins. */
export function applyRules(rules: Rules, text: string, longest = longestKey(rules)): string {
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

/** The keys of an opencc dictionary string ("key value [value...]|key value|..."). */
function dictionaryKeys(dict: OpenCC.DictLike): string[] {
  if (typeof dict !== 'string') return dict.map(([key]) => key);
  return dict
    .split('|')
    .map((entry) => entry.split(' ')[0] ?? '')
    .filter((key) => key.length > 0);
}

/** The Traditional -> Simplified dictionaries opencc-js converts `to: 'cn'` with. */
function t2sDictionaries(): { characters: string[]; phrases: string[] } {
  const groups = OpenCC.Locale.to.cn ?? [];
  const characters: string[] = [];
  const phrases: string[] = [];
  for (const group of groups) {
    for (const dict of group) {
      for (const key of dictionaryKeys(dict)) {
        (Array.from(key).length === 1 ? characters : phrases).push(key);
      }
    }
  }
  return { characters, phrases };
}

/**
 * Adds rules[key] = want(key) for every candidate the rules do not yet rewrite to what we
 * want, until none is left. Never replaces an existing rule unless `replace`, so that the
 * phrase and the Simplified-form passes cannot undo each other forever.
 */
function addUntilStable(
  rules: Rules,
  candidates: string[],
  want: (key: string) => string,
  replace: boolean,
): number {
  let added = 0;
  let longest = longestKey(rules);
  for (let changed = true; changed;) {
    changed = false;
    for (const key of candidates) {
      const value = want(key);
      if (applyRules(rules, key, longest) === value || (!replace && rules.has(key))) continue;
      rules.set(key, value);
      longest = Math.max(longest, key.length);
      added += 1;
      changed = true;
    }
  }
  return added;
}

export interface GeneratedRules {
  rules: Rules;
  characterRules: number;
  phraseRules: number;
  simplifiedKeepRules: number;
  /** Dictionary phrases left out because their key is everyday Simplified (打坏). */
  skippedPhrases: string[];
}

function buildRules(
  characters: string[],
  phrases: string[],
  convert: (text: string) => string,
): Omit<GeneratedRules, 'skippedPhrases'> {
  const rules: Rules = new Map();
  for (const char of characters) {
    const simplified = convert(char);
    if (simplified !== char) rules.set(char, simplified);
  }
  // OpenCC may map A to B and B on to C (薴 -> 苧 -> 苎); follow such chains to their end,
  // so that a folded text folds to itself.
  for (const [char, simplified] of rules) {
    let end = simplified;
    for (let next = applyRules(rules, end); next !== end; next = applyRules(rules, end)) end = next;
    rules.set(char, end);
  }
  const characterRules = rules.size;

  // A rule added for one phrase can change how another segments, hence the loop.
  let phraseRules = 0;
  let simplifiedKeepRules = 0;
  for (let added = -1; added !== 0;) {
    const phrasesAdded = addUntilStable(rules, phrases, (phrase) => convert(phrase), true);
    // The Simplified form of a protected phrase (乾县 for 乾縣) must survive folding too.
    const forms = [...new Set(rules.values())].filter((value) => Array.from(value).length > 1);
    const formsAdded = addUntilStable(rules, forms, (form) => form, false);
    phraseRules += phrasesAdded;
    simplifiedKeepRules += formsAdded;
    added = phrasesAdded + formsAdded;
  }
  return { rules, characterRules, phraseRules, simplifiedKeepRules };
}

export function generateT2sRules(): GeneratedRules {
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
  const { characters, phrases } = t2sDictionaries();
  const skipped = new Set<string>();
  for (;;) {
    const built = buildRules(
      characters,
      phrases.filter((phrase) => !skipped.has(phrase)),
      convert,
    );
    // The char filter runs once over the text, so a phrase rule must not rewrite what
    // folding another text produces: OpenCC reads 打坏 as 打坯 (坏, an old form of 坯), but
    // 打壞 folds to 打坏, which then would not fold to itself, and the Simplified 打坏 (to
    // break) would no longer meet the Traditional 打壞.
    const longest = longestKey(built.rules);
    const conflicts = [...built.rules].filter(([key, value]) => {
      if (Array.from(key).length < 2 || value === key) return false;
      const traditional = toTraditional(key);
      return traditional !== key && applyRules(built.rules, traditional, longest) === key;
    });
    if (conflicts.length === 0) return { ...built, skippedPhrases: [...skipped].sort() };
    for (const [key] of conflicts) skipped.add(key);
  }
}

function openccVersion(): string {
  const pkg = join(ROOT, 'node_modules', 'opencc-js', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** The file's text: a header of `#` lines, the character rules, then the phrase rules. */
export function renderT2sMapping(generated: GeneratedRules = generateT2sRules()): string {
  const byKey = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : 1);
  const entries = [...generated.rules].sort(byKey);
  const single = entries.filter(([key]) => Array.from(key).length === 1);
  const multi = entries.filter(([key]) => Array.from(key).length > 1);
  const lines = [
    `# Generated by scripts/generate-t2s-mapping.ts from opencc-js ${openccVersion()} (t -> cn).`,
    '# Do not edit: regenerate. Loaded by src/indexer/definition.ts into the t2s char filter.',
    `# ${single.length} character rules, ${multi.length} phrase rules` +
      ` (${generated.phraseRules} phrases, ${generated.simplifiedKeepRules} Simplified forms kept).`,
    `# Phrases left out, everyday Simplified words: ${generated.skippedPhrases.join(' ')}`,
    ...single.map(([key, value]) => `${key} => ${value}`),
    '# phrases',
    ...multi.map(([key, value]) => `${key} => ${value}`),
  ];
  return lines.join('\n') + '\n';
}

function main(argv: string[]): void {
  const text = renderT2sMapping();
  if (argv.includes('--check')) {
    const current = readFileSync(T2S_MAPPING_FILE, 'utf8');
    if (current !== text) {
      process.stderr.write(`${T2S_MAPPING_FILE} is stale: run scripts/generate-t2s-mapping.ts\n`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(T2S_MAPPING_FILE, text);
  process.stdout.write(`wrote ${T2S_MAPPING_FILE}: ${text.split('\n')[2]?.slice(2)}\n`);
}

if (require.main === module) main(process.argv.slice(2));
