import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import {
  CHARACTER_TABLES,
  generateFold,
  MAX_CLASS_SIZE,
  renderT2sMapping,
  type Fold,
} from './generate-t2s-mapping';
import { readDictionary } from './opencc-dictionaries';
import { ROOT } from '../src/config';
import { parseMappingRules, T2S_MAPPING_FILE } from '../src/indexer/definition';
import { fold } from '../src/search/fold';
import { parseVariants, PHRASE_VARIANTS_PATH, rewrite } from '../src/search/variants';

let generated: Fold;
const seeds = readdirSync(join(ROOT, 'corpus'))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(ROOT, 'corpus', name), 'utf8'));
/** Compatibility ideographs are the same character as their unified form: counted once. */
const distinct = (group: string[]) => new Set(group.map((c) => c.normalize('NFC'))).size;

beforeAll(() => {
  generated = generateFold();
});

describe('mappings/t2s-mapping.txt', () => {
  it('is what the generator produces now (else run scripts/generate-t2s-mapping.ts)', () => {
    expect(readFileSync(T2S_MAPPING_FILE, 'utf8')).toBe(renderT2sMapping(generated));
  });

  it('holds only one-character-to-one-character rules, nothing to escape', () => {
    const rules = parseMappingRules(readFileSync(T2S_MAPPING_FILE, 'utf8'));
    expect(rules.length).toBe(generated.rules.size);
    expect(rules.length).toBeGreaterThan(5000);
    for (const rule of rules) expect(rule).toMatch(/^[^\s\\=>] => [^\s\\=>]$/u);
  });

  it('folds every pair of every character table to one form', () => {
    for (const table of CHARACTER_TABLES) {
      const apart = readDictionary(table).filter(([key, value]) => fold(key) !== fold(value));
      expect([table, apart]).toEqual([table, []]);
    }
  });

  it('folds Traditional, Taiwan and Hong Kong variants to the Simplified form', () => {
    expect(fold('鄭凱')).toBe('郑凯');
    expect(fold('著')).toBe(fold('着'));
    expect(fold('衞')).toBe(fold('衛'));
    expect(fold('溫')).toBe('温');
    expect(fold('峯')).toBe('峰');
    expect(fold('汙')).toBe('污');
    expect(fold('谿')).toBe('溪');
    expect(fold('鯰')).toBe(fold('鲶'));
    expect(fold('麼')).toBe('么');
    expect(fold('馀')).toBe('余');
  });

  it('leaves the Japanese tables out: 辨, 辯 and 瓣 stay apart', () => {
    expect(new Set([fold('辨'), fold('辯'), fold('瓣')]).size).toBe(3);
  });

  it('is idempotent: a representative has no rule, so folded text folds to itself', () => {
    const rules = generated.rules;
    for (const representative of new Set(rules.values())) {
      expect([representative, rules.get(representative)]).toEqual([representative, undefined]);
    }
    for (const seed of seeds) expect(fold(fold(seed))).toBe(fold(seed));
  });

  it(`has no class larger than ${MAX_CLASS_SIZE} characters (mappings/README.md says why)`, () => {
    const sizes = generated.classes.map(distinct);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_CLASS_SIZE);
  });

  it('folds each seed like its OpenCC conversions, but for phrases the query rewrites', () => {
    // A phrase OpenCC writes with another character (瞭解 / 了解) is not a character variant:
    // the query builder's phrase rules (src/search/variants.ts) rewrite it.
    const { simplified } = parseVariants(readFileSync(PHRASE_VARIANTS_PATH, 'utf8'));
    const norm = (text: string) => rewrite(simplified, fold(text));
    expect(seeds).toHaveLength(5);
    const conversions = [
      OpenCC.Converter({ from: 't', to: 'cn' }),
      OpenCC.Converter({ from: 'cn', to: 'tw' }),
      OpenCC.Converter({ from: 'cn', to: 'hk' }),
    ];
    for (const seed of seeds) {
      for (const convert of conversions) expect(norm(convert(seed))).toBe(norm(seed));
    }
  });
});
