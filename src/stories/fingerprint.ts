// An article's near-duplicate fingerprint: a MinHash signature over folded character shingles,
// and the LSH band keys under which the index finds candidates that may share its story.
// Pure and deterministic: the same text gives the same signature in every run and process.
import { MinHash } from 'bloom-filters';
import { foldScript } from '../normalize/detect-script';

/**
 * Shingle length in characters. Chinese has no spaces, so characters are the unit; five of them
 * are rarer than any word or set phrase, so two unrelated reports on one subject (seeds 002 and
 * 003, both about Party members in COVID control) share almost no shingles.
 */
export const SHINGLE_CHARS = 5;

/** MinHash permutations: the estimate of a Jaccard near 0.5 is within ±0.09 (2σ) with 128. */
export const HASHES = 128;
/** LSH banding: 48 bands of 2 rows, over the first 96 of the HASHES values (all 128 are
 * compared). A pair shares a band with p = 1 − (1 − J²)^48: 0.99999 at Jaccard 0.5, 0.994 at
 * 0.32 (the least similar copy of the evaluation set), 0.955 at 0.25 (the least a contained copy
 * may share), 0.04 at 0.03 (unrelated reports measure 0.00 to 0.02). 64 bands found as many
 * pairs on the evaluation set (bench:stories) at a third more keys to index and look up. */
export const BANDS = 48;
export const ROWS = 2;

/**
 * Two articles are versions of one story when the estimated Jaccard similarity of their shingle
 * sets reaches SIMILARITY_THRESHOLD, or when the smaller set lies CONTAINMENT_THRESHOLD within
 * the larger one (a short copy with another outlet's long header and footer, or a brief taken
 * whole into a longer report) and they still share MIN_CONTAINMENT_JACCARD of their union.
 * Chosen on bench/results/stories.md: copies measure 0.5 and up or are contained 0.8 and up;
 * distinct reports on one subject measure 0.02 and less. See src/stories/README.md.
 */
export const SIMILARITY_THRESHOLD = 0.5;
export const CONTAINMENT_THRESHOLD = 0.8;
export const MIN_CONTAINMENT_JACCARD = 0.25;
/** Below this many shingles, containment says little (a headline is in many reports). */
export const MIN_CONTAINED_SHINGLES = 30;

/** Fixed seed of the hash functions: signatures must compare across runs and processes. */
const SEED = 0x5eed_0015;
/** A prime below 2^26: shingle hashes are taken modulo it, so a·x + b stays below 2^53 and the
 * library's float arithmetic is exact. */
const PRIME = 67_108_859;

/** A small seeded generator (mulberry32): the permutations must not depend on Math.random. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The permutations h(x) = (a·x + b) mod PRIME, a ≠ 0: one fixed family for every article. */
const HASH_FUNCTIONS: ConstructorParameters<typeof MinHash>[1] = (() => {
  const next = seeded(SEED);
  return Array.from({ length: HASHES }, () => ({
    a: 1 + Math.floor(next() * (PRIME - 1)),
    b: Math.floor(next() * PRIME),
    c: PRIME,
  }));
})();

/**
 * The text as compared: Traditional folded to Simplified, full-width to half-width (NFKC),
 * lower case, and only letters and digits kept, so punctuation, spacing and script do not
 * separate two copies.
 */
export function foldForFingerprint(text: string): string {
  return foldScript(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** FNV-1a over the code points, reduced modulo PRIME. */
function hashShingle(chars: readonly string[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    const cp = chars[i]!.codePointAt(0)!;
    h = Math.imul(h ^ (cp & 0xffff), 0x01000193);
    if (cp > 0xffff) h = Math.imul(h ^ (cp >>> 16), 0x01000193);
  }
  return (h >>> 0) % PRIME;
}

/**
 * The hashed shingles of the paragraphs. Shingles never cross a paragraph boundary, so the same
 * paragraphs in another order give the same set; a paragraph shorter than a shingle counts whole.
 */
export function shingleHashes(paragraphs: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const paragraph of paragraphs) {
    const chars = Array.from(foldForFingerprint(paragraph));
    if (chars.length === 0) continue;
    if (chars.length < SHINGLE_CHARS) {
      out.add(hashShingle(chars, 0, chars.length));
      continue;
    }
    for (let i = 0; i + SHINGLE_CHARS <= chars.length; i++) {
      out.add(hashShingle(chars, i, i + SHINGLE_CHARS));
    }
  }
  return out;
}

/** What a story is judged on: title and text, not the outlet's metadata or captions. */
export interface Fingerprintable {
  title: string;
  subheadings: readonly string[];
  body: readonly string[];
}

/** What two articles are compared on. */
export interface Sketch {
  /** The MinHash signature; empty when the article has no text to compare. */
  signature: number[];
  /** How many distinct shingles the text has: turns a Jaccard estimate into a containment. */
  size: number;
}

export interface Fingerprint extends Sketch {
  /** LSH band keys, `<band>:<rows in base 36>`; empty when the signature is. */
  bands: string[];
}

export function signatureOf(shingles: ReadonlySet<number>): number[] {
  if (shingles.size === 0) return [];
  const minHash = new MinHash(HASHES, HASH_FUNCTIONS);
  minHash.bulkLoad([...shingles]);
  return minHash._signature.slice();
}

/** One key per band: articles that share any key are candidates for one story. */
export function bandKeys(signature: readonly number[]): string[] {
  if (signature.length !== HASHES) return [];
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const rows = signature.slice(band * ROWS, (band + 1) * ROWS).map((v) => v.toString(36));
    keys.push(`${band.toString().padStart(2, '0')}:${rows.join('.')}`);
  }
  return keys;
}

/**
 * The band keys as numbers, for the indexer's in-memory matching (held articles, candidates):
 * a 30-bit hash of each band's index and rows, so no strings are made and the values stay small
 * integers. Two articles with an equal band key have an equal hash; an unequal pair may collide
 * (about 1 in 10⁹ per band), which only adds a comparison that sameStory() then decides.
 */
export function bandHashes(signature: readonly number[]): number[] {
  if (signature.length !== HASHES) return [];
  const hashes: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    for (let row = band * ROWS; row < (band + 1) * ROWS; row++) {
      h = Math.imul(h ^ signature[row]!, 0x85ebca6b);
      h ^= h >>> 13;
    }
    hashes.push(h & 0x3fffffff);
  }
  return hashes;
}

export function fingerprint(article: Fingerprintable): Fingerprint {
  const shingles = shingleHashes([article.title, ...article.subheadings, ...article.body]);
  const signature = signatureOf(shingles);
  return { signature, size: shingles.size, bands: bandKeys(signature) };
}

/** The estimated Jaccard similarity of two signatures (0 when either has no text). */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== HASHES || b.length !== HASHES) return 0;
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/**
 * The share of the smaller set inside the larger, from the Jaccard estimate J and the sizes:
 * |A ∩ B| = J·(|A| + |B|) / (1 + J).
 */
export function containment(a: Sketch, b: Sketch): number {
  const j = similarity(a.signature, b.signature);
  const smaller = Math.min(a.size, b.size);
  if (smaller === 0) return 0;
  return Math.min(1, (j * (a.size + b.size)) / (1 + j) / smaller);
}

export function sameStory(a: Sketch, b: Sketch): boolean {
  const j = similarity(a.signature, b.signature);
  if (j >= SIMILARITY_THRESHOLD) return true;
  return (
    j >= MIN_CONTAINMENT_JACCARD &&
    Math.min(a.size, b.size) >= MIN_CONTAINED_SHINGLES &&
    containment(a, b) >= CONTAINMENT_THRESHOLD
  );
}

/** The sketch as stored in the index: the 128 signature values then the size, little-endian
 * uint32, base64. */
export function encodeSketch(sketch: Sketch): string {
  return Buffer.from(Uint32Array.from([...sketch.signature, sketch.size]).buffer).toString(
    'base64',
  );
}

export function decodeSketch(text: string): Sketch {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== (HASHES + 1) * 4) return { signature: [], size: 0 };
  const signature: number[] = [];
  for (let i = 0; i < HASHES; i++) signature.push(bytes.readUInt32LE(i * 4));
  return { signature, size: bytes.readUInt32LE(HASHES * 4) };
}
