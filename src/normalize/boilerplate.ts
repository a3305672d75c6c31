// Boilerplate across a folder: lines that many pages of one folder repeat (menus, footers,
// disclaimers) are the site's. Counting is done in a count-min sketch of fixed size, so a folder
// of any number of pages costs the same memory; a sample of its first pages is read for it.
import { readFile } from 'node:fs/promises';
import { decodeBuffer } from './decode';

/** The key a line is counted under: spacing and character widths folded. */
export const lineKey = (line: string) => line.normalize('NFKC').replace(/\s+/g, ' ').trim();

/**
 * A count-min sketch of line keys: `depth` rows of `width` 16-bit counters, one hash per row; a
 * count is the smallest of its counters, so it can only be overestimated, by collisions.
 */
export class LineSketch {
  private readonly counts: Uint16Array;
  constructor(
    readonly width = 1 << 16,
    readonly depth = 4,
  ) {
    this.counts = new Uint16Array(width * depth);
  }

  get bytes(): number {
    return this.counts.byteLength;
  }

  private slot(key: string, row: number): number {
    // FNV-1a, seeded per row.
    let h = (0x811c9dc5 ^ Math.imul(row + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return row * this.width + (h % this.width);
  }

  add(key: string): void {
    for (let r = 0; r < this.depth; r++) {
      const s = this.slot(key, r);
      if (this.counts[s]! < 0xffff) this.counts[s]! += 1;
    }
  }

  count(key: string): number {
    let min = Infinity;
    for (let r = 0; r < this.depth; r++) min = Math.min(min, this.counts[this.slot(key, r)]!);
    return min;
  }
}

export interface BoilerplateOptions {
  /** Pages read to count lines; later pages are judged by what these repeat. */
  samplePages: number;
  /** A line is the site's when at least this share of the sampled pages has it... */
  minShare: number;
  /** ...and at least this many pages. */
  minPages: number;
}

export const BOILERPLATE_DEFAULTS: BoilerplateOptions = {
  samplePages: 500,
  minShare: 0.1,
  minPages: 2,
};

/** Lines repeated across a folder's pages, as a predicate on a line. */
export interface FolderLines {
  pages: number;
  bytes: number;
  isRepeated: (line: string) => boolean;
}

/** Lines shorter than this are too common to mean anything ("0", "分享"). */
const MIN_KEY = 2;

/**
 * Counts the lines of the first `samplePages` text pages among `files` (each line once per page),
 * reading one file at a time. Pages that cannot be read are skipped here; normalizing them reports
 * why.
 */
export async function countFolderLines(
  files: string[],
  options: BoilerplateOptions = BOILERPLATE_DEFAULTS,
): Promise<FolderLines | undefined> {
  const sample = files
    .filter((f) => f.toLowerCase().endsWith('.txt'))
    .slice(0, options.samplePages);
  if (sample.length < options.minPages) return undefined;
  const sketch = new LineSketch();
  let pages = 0;
  for (const file of sample) {
    let text: string;
    try {
      const decoded = decodeBuffer(await readFile(file));
      if (!decoded.ok) continue;
      text = decoded.text;
    } catch {
      continue;
    }
    pages += 1;
    const keys = new Set(text.split(/\r\n|\r|\n/).map(lineKey));
    for (const key of keys) if (key.length >= MIN_KEY) sketch.add(key);
  }
  if (pages < options.minPages) return undefined;
  const threshold = Math.max(options.minPages, Math.ceil(options.minShare * pages));
  return {
    pages,
    bytes: sketch.bytes,
    isRepeated: (line) => {
      const key = lineKey(line);
      return key.length >= MIN_KEY && sketch.count(key) >= threshold;
    },
  };
}
