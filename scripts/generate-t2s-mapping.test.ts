import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import {
  applyRules,
  generateT2sRules,
  longestKey,
  renderT2sMapping,
  type GeneratedRules,
  type Rules,
} from './generate-t2s-mapping';
import { ROOT } from '../src/config';
import { parseMappingRules, T2S_MAPPING_FILE } from '../src/indexer/definition';

let generated: GeneratedRules;
let checkedIn: Rules;
let longest: number;
const fold = (text: string) => applyRules(checkedIn, text, longest);
const seeds = readdirSync(join(ROOT, 'corpus'))
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(ROOT, 'corpus', name), 'utf8'));

beforeAll(() => {
  generated = generateT2sRules();
  checkedIn = new Map(
    parseMappingRules(readFileSync(T2S_MAPPING_FILE, 'utf8')).map((rule) => {
      const [from, to] = rule.split(' => ');
      return [from!, to!];
    }),
  );
  longest = longestKey(checkedIn);
});

describe('mappings/t2s-mapping.txt', () => {
  it('is what the generator produces now (else run scripts/generate-t2s-mapping.ts)', () => {
    expect(readFileSync(T2S_MAPPING_FILE, 'utf8')).toBe(renderT2sMapping(generated));
  });

  it('holds only `from => to` rules that need no escaping in Elasticsearch', () => {
    const rules = parseMappingRules(readFileSync(T2S_MAPPING_FILE, 'utf8'));
    expect(rules.length).toBe(generated.rules.size);
    expect(rules.length).toBeGreaterThan(3500);
    for (const rule of rules) expect(rule).toMatch(/^[^\s\\=>]+ => [^\s\\=>]+$/u);
  });

  it('folds characters and keeps the phrases char-by-char conversion gets wrong', () => {
    expect(fold('鄭凱')).toBe('郑凯');
    expect(fold('陽穀')).toBe('阳谷');
    expect(fold('漣源')).toBe('涟源');
    expect(fold('乾燥')).toBe('干燥');
    expect(fold('乾隆皇帝')).toBe('乾隆皇帝');
    expect(fold('頭髮')).toBe('头发');
    expect(fold('乾縣')).toBe(fold('乾县'));
    expect(fold('打壞')).toBe(fold('打坏'));
  });

  it('agrees with opencc phrase by phrase, except the phrases it leaves out', () => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    const [[phrases]] = OpenCC.Locale.to.cn as [[string]];
    const disagree = phrases
      .split('|')
      .map((entry) => entry.split(' ')[0]!)
      .filter((phrase) => fold(phrase) !== convert(phrase));
    expect(disagree.sort()).toEqual(generated.skippedPhrases);
  });

  it('is idempotent: folded text, rule keys and values fold to themselves', () => {
    const texts = [...checkedIn.keys(), ...checkedIn.values(), ...seeds];
    const unstable = texts.filter((text) => fold(fold(text)) !== fold(text));
    expect(unstable).toEqual([]);
  });

  it('folds each seed and its Simplified conversion alike', () => {
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    expect(seeds).toHaveLength(5);
    for (const seed of seeds) expect(fold(seed)).toBe(fold(convert(seed)));
  });
});
