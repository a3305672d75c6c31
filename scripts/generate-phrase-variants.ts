// Generates mappings/phrase-variants.txt: the rules with which the query builder writes a
// query as other regions and scripts would (src/search/variants.ts), from OpenCC's phrase
// dictionaries as opencc-js ships them.
//
//   npx ts-node scripts/generate-phrase-variants.ts          (writes the file)
//   npx ts-node scripts/generate-phrase-variants.ts --check  (exit 1 when the file is stale)
//
// Keys and values are folded with the index's character fold (generate-t2s-mapping.ts), so
// that a rule only says what the fold does not: 软件 => 软体 (Taiwan), 了解 => 瞭解 (a phrase
// OpenCC writes with another character in Traditional).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../src/config';
import { ALSO_SECTION, DIRECTIONS, rewrite, type Direction } from '../src/search/variants';
import { generateFold } from './generate-t2s-mapping';
import { openccVersion, readDictionary } from './opencc-dictionaries';

export const PHRASE_VARIANTS_FILE = join(ROOT, 'mappings', 'phrase-variants.txt');

/** The dictionaries of each direction; on the same folded key the first listed wins. */
export const SOURCES: Record<Direction, string[]> = {
  traditional: ['STPhrases'],
  simplified: ['TSPhrases'],
  taiwan: ['TWPhrases', 'TWVariantsPhrases'],
  hongkong: ['HKPhrases', 'HKVariantsPhrases'],
  mainland: ['TWPhrasesRev', 'HKPhrasesRev', 'TWVariantsRevPhrases', 'HKVariantsRevPhrases'],
};

export interface LeftOut {
  word: string;
  reason: string;
}

export interface Variants {
  tables: Record<Direction, Map<string, string>>;
  /** A regional word's other mainland words (see mainlandAlso). */
  also: Map<string, string[]>;
  leftOut: LeftOut[];
}

export function generateVariants(): Variants {
  const { rules } = generateFold();
  const fold = (text: string) => Array.from(text, (c) => rules.get(c) ?? c).join('');
  const tables = Object.fromEntries(DIRECTIONS.map((d) => [d, new Map()])) as Variants['tables'];
  for (const direction of DIRECTIONS) {
    const table = tables[direction];
    const entries = SOURCES[direction].flatMap((name) =>
      readDictionary(name).map(([key, value]) => [fold(key), fold(value)] as const),
    );
    for (const [from, to] of entries) if (from !== to && !table.has(from)) table.set(from, to);
    // An entry that keeps a phrase as it is (軟體動物 => 軟體動物, 公元紀年 => 公元紀年) says
    // that a shorter rule inside it (軟體 => 軟件, 公元 => 西元) does not apply there: keep those
    // the other rules would rewrite.
    const keep = entries.filter(([from, to]) => from === to && rewrite(table, from) !== from);
    for (const [from] of keep) if (!table.has(from)) table.set(from, from);
  }
  const leftOut = leaveOutAmbiguous(tables);
  return { tables, also: mainlandAlso(tables), leftOut };
}

/**
 * The reverse tables give a regional word one mainland word (原始碼 => 源代码) where the forward
 * tables reach it from several (原代码, 源代码, 源码 => 原始碼): the others, so that a search for
 * the regional word finds each. Only for words the reverse tables rewrite: one they leave alone
 * (預設, 通道, 模擬) is a mainland word too, in a wider sense, and gets none.
 */
function mainlandAlso(tables: Variants['tables']): Map<string, string[]> {
  const also = new Map<string, Set<string>>();
  for (const region of ['taiwan', 'hongkong'] as const) {
    for (const [mainland, regional] of tables[region]) {
      const chosen = tables.mainland.get(regional);
      if (chosen === undefined || chosen === regional || mainland === regional) continue;
      if (mainland === chosen) continue;
      if (!also.has(regional)) also.set(regional, new Set());
      also.get(regional)!.add(mainland);
    }
  }
  return new Map(
    [...also]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([regional, words]) => [regional, [...words].sort()]),
  );
}

/**
 * Removes the rules that would change a word's meaning, by two rules read off the tables:
 * 1. A word that each region rewrites to something else (文件: Taiwan 檔案, mainland 文檔)
 *    is written in both, meaning different things (a file, a document): no rule from it or
 *    to it.
 * 2. A single character rewritten to a longer word (埠 => 端口) would be rewritten inside every
 *    word no longer rule covers (商埠): left out. Character to character (硅 => 矽) stays.
 */
function leaveOutAmbiguous(tables: Variants['tables']): LeftOut[] {
  const leftOut: LeftOut[] = [];
  const rewrites = (d: Direction, word: string) => {
    const to = tables[d].get(word);
    return to !== undefined && to !== word ? to : undefined;
  };
  const both = [...tables.taiwan.keys(), ...tables.hongkong.keys()].filter(
    (word) =>
      (rewrites('taiwan', word) ?? rewrites('hongkong', word)) !== undefined &&
      rewrites('mainland', word) !== undefined,
  );
  for (const word of [...new Set(both)].sort()) {
    const there = rewrites('taiwan', word) ?? rewrites('hongkong', word);
    leftOut.push({
      word,
      reason: `both sides rewrite it (to ${there}, to ${rewrites('mainland', word)}): its meaning differs by region`,
    });
    for (const table of Object.values(tables)) {
      for (const [from, to] of table) if (from === word || to === word) table.delete(from);
    }
  }
  for (const [direction, table] of Object.entries(tables)) {
    for (const [from, to] of table) {
      if (Array.from(from).length === 1 && Array.from(to).length > 1) {
        leftOut.push({ word: from, reason: `[${direction}] one character to a word (${to})` });
        table.delete(from);
      }
    }
  }
  return leftOut;
}

export function renderPhraseVariants(variants: Variants = generateVariants()): string {
  const lines = [
    `# Generated by scripts/generate-phrase-variants.ts from opencc-js ${openccVersion()}.`,
    '# Do not edit: regenerate. Read by src/search/variants.ts. Keys and values are folded.',
    ...DIRECTIONS.map((d) => `# [${d}] ${SOURCES[d].join(', ')}: ${variants.tables[d].size} rules`),
    `# [${ALSO_SECTION}] a regional word's other mainland words: ${variants.also.size} words`,
    ...variants.leftOut.map(({ word, reason }) => `# left out: ${word}: ${reason}`),
  ];
  for (const direction of DIRECTIONS) {
    lines.push(`[${direction}]`);
    const entries = [...variants.tables[direction]].sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [from, to] of entries) lines.push(`${from} => ${to}`);
  }
  lines.push(`[${ALSO_SECTION}]`);
  for (const [regional, words] of variants.also) lines.push(`${regional} => ${words.join(' ')}`);
  return lines.join('\n') + '\n';
}

function main(argv: string[]): void {
  const text = renderPhraseVariants();
  if (argv.includes('--check')) {
    if (readFileSync(PHRASE_VARIANTS_FILE, 'utf8') !== text) {
      process.stderr.write(
        `${PHRASE_VARIANTS_FILE} is stale: run scripts/generate-phrase-variants.ts\n`,
      );
      process.exit(1);
    }
    return;
  }
  writeFileSync(PHRASE_VARIANTS_FILE, text);
  process.stdout.write(`wrote ${PHRASE_VARIANTS_FILE}\n`);
}

if (require.main === module) main(process.argv.slice(2));
