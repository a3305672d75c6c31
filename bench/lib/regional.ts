// Regional-vocabulary known items for bench:relevance. OpenCC's Taiwan and Hong Kong phrase
// dictionaries (the dictionaries the query builder's rules are generated from, read here as
// OpenCC ships them, before our generator's folding and leaving out) give pairs of words for
// one thing: the mainland's, in Simplified, and the region's. Each word is written into a copy
// of a poem, which is then looked for with the other word and a span of the poem. Pure apart
// from reading the dictionaries.
import * as OpenCC from 'opencc-js';
import type { Article } from '../../src/article';
import { readDictionary, type Entry } from '../../scripts/opencc-dictionaries';

export type Region = 'taiwan' | 'hongkong';

/** The dictionaries of mainland -> regional words (their Rev tables hold the same pairs). */
export const REGION_DICTIONARIES: Record<Region, string> = {
  taiwan: 'TWPhrases',
  hongkong: 'HKPhrases',
};

export interface VocabularyPair {
  region: Region;
  /** The mainland word as a mainland reader types it (Simplified). */
  mainland: string;
  /** The word as the region writes it. */
  regional: string;
}

/** Words of Han characters only: entries with Latin letters or a middle dot (B超, 丹尼·波爾)
 * are names and abbreviations, not the vocabulary people type as a word. */
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Every pair of the dictionaries whose two words differ by more than script: the keys are in
 * OpenCC's Traditional (軟件), so the mainland word is the key in Simplified (软件).
 */
export function vocabularyPairs(
  read: (name: string) => Entry[] = readDictionary,
): VocabularyPair[] {
  const pairs: VocabularyPair[] = [];
  for (const [region, name] of Object.entries(REGION_DICTIONARIES) as [Region, string][]) {
    for (const [key, value] of read(name)) {
      const mainland = toSimplified(key);
      if (!HAN_WORD.test(mainland) || !HAN_WORD.test(value)) continue;
      if (toSimplified(value) === mainland) continue;
      pairs.push({ region, mainland, regional: value });
    }
  }
  return pairs;
}

export interface RegionalItem {
  pair: VocabularyPair;
  /** Which word the article writes; the query has the other. */
  written: 'mainland' | 'regional';
  article: Article;
  /** The word the query has, then a span of the poem: two terms, both required. */
  query: string;
}

/**
 * The article: the poem with the word opening its first line (软件，床前明月光), in the script
 * of the word's region. `span` is a span of the poem (known-items.ts pickSpan).
 */
export function regionalItem(
  pair: VocabularyPair,
  written: RegionalItem['written'],
  poem: Article,
  span: string,
): RegionalItem {
  const word = pair[written];
  const other = written === 'mainland' ? pair.regional : pair.mainland;
  const [first = '', ...rest] = poem.body;
  const article: Article = {
    ...poem,
    id: `${poem.id}-${pair.region}-${written}-${word}`,
    body: [`${word}，${first}`, ...rest],
    script: written === 'mainland' ? 'simplified' : 'traditional',
  };
  return { pair, written, article, query: `${other} ${span}` };
}

/** The words mappings/phrase-variants.txt says it leaves out (`# left out: 文件: reason`). */
export function leftOutWords(variantsFile: string): Set<string> {
  return new Set([...variantsFile.matchAll(/^# left out: (\S+?): /gmu)].map((match) => match[1]!));
}
