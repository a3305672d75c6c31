// Generates mappings/t2s-mapping.txt: the rules of the `t2s` mapping char filter, which folds
// every variant of a Chinese character to one form inside Elasticsearch.
//
//   npx ts-node scripts/generate-t2s-mapping.ts          (writes the file)
//   npx ts-node scripts/generate-t2s-mapping.ts --check  (exit 1 when the file is stale)
//
// The character tables of OpenCC (Simplified <-> Traditional, Taiwan and Hong Kong variants,
// both directions, plus the compatibility ideographs OpenCC normalizes first) are edges of a
// graph; its connected components are the equivalence classes, and every member of a class
// folds to the class's representative. One character to one character, so that the char
// filter never changes the length of the text and offsets (highlights) stay exact.
import { readFileSync, writeFileSync } from 'node:fs';
import { T2S_MAPPING_FILE } from '../src/indexer/definition';
import { openccVersion, readDictionary } from './opencc-dictionaries';

/**
 * The tables joined. The Japanese ones (JPVariants, JPShinjitai*) are left out: through 弁
 * they would merge 辨, 辯 and 瓣, which Chinese text keeps apart.
 */
export const CHARACTER_TABLES = [
  'CJK_Compatibility_Ideographs',
  'STCharacters',
  'TSCharacters',
  'TWVariants',
  'TWVariantsRev',
  'HKVariants',
  'HKVariantsRev',
] as const;

/** The Simplified <-> Traditional tables: they say which member of a class is Simplified. */
const SIMPLIFIED_KEYS = 'STCharacters';
const SIMPLIFIED_VALUES = 'TSCharacters';

/**
 * The largest class the fold may have (a test holds it to this). Six is 坛 壇 墰 壜 罈 罎: one
 * Simplified character standing for the Traditional 壇 (altar) and 罈 (jar) and their
 * variants. Simplified text does not tell them apart, so no fold to one form can.
 */
export const MAX_CLASS_SIZE = 6;

export interface Fold {
  /** Every class of two or more characters, representative first. */
  classes: string[][];
  /** member -> representative, for every member that is not its class's representative. */
  rules: Map<string, string>;
}

const isChar = (text: string) => Array.from(text).length === 1;
const byCodePoint = (a: string, b: string) => a.codePointAt(0)! - b.codePointAt(0)!;

export function generateFold(): Fold {
  const parent = new Map<string, string>();
  const root = (c: string): string => {
    let r = c;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(c, r);
    return r;
  };
  const join = (a: string, b: string) => {
    for (const c of [a, b]) if (!parent.has(c)) parent.set(c, c);
    parent.set(root(a), root(b));
  };
  const simplified = new Set<string>();
  const simplifiedOf = new Map<string, string>();
  for (const table of CHARACTER_TABLES) {
    for (const [key, value] of readDictionary(table)) {
      // Phrase-like entries (none in these tables today) would not be one-to-one.
      if (!isChar(key) || !isChar(value)) continue;
      join(key, value);
      if (table === SIMPLIFIED_KEYS) simplified.add(key);
      if (table === SIMPLIFIED_VALUES) {
        simplified.add(value);
        simplifiedOf.set(key, value);
      }
    }
  }
  const members = new Map<string, string[]>();
  for (const c of parent.keys()) {
    const r = root(c);
    members.set(r, [...(members.get(r) ?? []), c]);
  }
  const classes: string[][] = [];
  const rules = new Map<string, string>();
  for (const group of members.values()) {
    const representative = pickRepresentative(group, simplified, simplifiedOf);
    classes.push([representative, ...group.filter((c) => c !== representative).sort(byCodePoint)]);
    for (const c of group) if (c !== representative) rules.set(c, representative);
  }
  classes.sort((a, b) => b.length - a.length || byCodePoint(a[0]!, b[0]!));
  return { classes, rules };
}

/**
 * The form a class folds to: the Simplified character most of its members convert to with
 * TSCharacters (so the fold agrees with OpenCC's Traditional -> Simplified conversion, and the
 * folded values that facets show are Simplified); else a Simplified member; else the lowest
 * code point; always one UTF-16 unit long when the class allows. Ties go to the lowest code point, so the choice never depends on table order.
 */
function pickRepresentative(
  group: string[],
  simplified: Set<string>,
  simplifiedOf: Map<string, string>,
): string {
  const votes = new Map<string, number>();
  for (const c of group) {
    const target = simplifiedOf.get(c);
    if (target !== undefined && group.includes(target)) {
      votes.set(target, (votes.get(target) ?? 0) + 1);
    }
  }
  // In the Basic Multilingual Plane when the class has a member there, where text lives: a
  // rule to a surrogate pair would make the text longer in UTF-16 units, Lucene's offsets.
  const bmp = group.filter((c) => c.length === 1);
  const members = bmp.length > 0 ? bmp : group;
  const candidates = members.filter((c) => simplified.has(c));
  const pool = candidates.length > 0 ? candidates : members;
  return [...pool].sort(
    (a, b) => (votes.get(b) ?? 0) - (votes.get(a) ?? 0) || byCodePoint(a, b),
  )[0]!;
}

/** The file's text: a header of `#` lines, then one `member => representative` per line. */
export function renderT2sMapping(fold: Fold = generateFold()): string {
  const largest = fold.classes.filter((group) => group.length >= 4);
  const lines = [
    `# Generated by scripts/generate-t2s-mapping.ts from opencc-js ${openccVersion()}:`,
    `# ${CHARACTER_TABLES.join(', ')}.`,
    '# Do not edit: regenerate. Loaded by src/indexer/definition.ts into the t2s char filter.',
    `# ${fold.classes.length} classes of variants, ${fold.rules.size} rules (member => representative).`,
    `# Classes of four or more: ${largest.map((group) => group.join('')).join(' ')}`,
    ...[...fold.rules]
      .sort(([a], [b]) => byCodePoint(a, b))
      .map(([member, representative]) => `${member} => ${representative}`),
  ];
  return lines.join('\n') + '\n';
}

function main(argv: string[]): void {
  const text = renderT2sMapping();
  if (argv.includes('--check')) {
    if (readFileSync(T2S_MAPPING_FILE, 'utf8') !== text) {
      process.stderr.write(`${T2S_MAPPING_FILE} is stale: run scripts/generate-t2s-mapping.ts\n`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(T2S_MAPPING_FILE, text);
  process.stdout.write(`wrote ${T2S_MAPPING_FILE}: ${text.split('\n')[3]?.slice(2)}\n`);
}

if (require.main === module) main(process.argv.slice(2));
