// The chinese-poetry package as a corpus: its poems read from the package's JSON files and
// turned into articles, the indexer's input. Pure apart from reading the package.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptyLists, type Article, type Script } from '../../src/article';

/** The collections used: Tang and Song shi (mostly Traditional) and Song ci (Simplified). */
export const COLLECTIONS = [
  { folder: 'quantangshi', pattern: /^poet\.tang\.\d+\.json$/, source: '全唐诗' },
  { folder: 'quantangshi', pattern: /^poet\.song\.\d+\.json$/, source: '全宋诗' },
  { folder: 'songci', pattern: /^ci\.song\.\d+\.json$/, source: '全宋词' },
] as const;

/** One poem as the package's JSON files hold it (ci carry `rhythmic` instead of a title). */
export interface RawPoem {
  author?: string;
  title?: string;
  rhythmic?: string;
  paragraphs?: string[];
}

export interface Poem {
  source: string;
  /** The package file, relative to its dist folder, and the poem's position in it. */
  file: string;
  position: number;
  title: string;
  author: string;
  lines: string[];
}

export function poetryDistDir(): string {
  return join(dirname(require.resolve('chinese-poetry/package.json')), 'dist');
}

export function poetryVersion(): string {
  const pkg = JSON.parse(readFileSync(require.resolve('chinese-poetry/package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** The poem as a Poem, or undefined when it has no title or no text (a few hundred do not). */
export function readPoem(
  raw: RawPoem,
  source: string,
  file: string,
  position: number,
): Poem | undefined {
  const title = (raw.title ?? raw.rhythmic ?? '').trim();
  const lines = (raw.paragraphs ?? []).map((line) => line.trim()).filter((line) => line !== '');
  if (title === '' || lines.length === 0) return undefined;
  return { source, file, position, title, author: (raw.author ?? '').trim(), lines };
}

/** Every poem of the collections, in file order (files sorted by their numeric part). */
export function* readPoems(dist = poetryDistDir()): Generator<Poem | undefined> {
  for (const { folder, pattern, source } of COLLECTIONS) {
    const files = readdirSync(join(dist, folder))
      .filter((name) => pattern.test(name))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
    for (const name of files) {
      const file = `${folder}/${name}`;
      const poems = JSON.parse(readFileSync(join(dist, file), 'utf8')) as RawPoem[];
      for (const [position, raw] of poems.entries()) yield readPoem(raw, source, file, position);
    }
  }
}

/** Stable across runs: derived from where the poem sits in the package. */
export function poemId(poem: Pick<Poem, 'file' | 'position'>): string {
  const digest = createHash('sha256').update(`${poem.file}#${poem.position}`).digest('hex');
  return `poem-${digest.slice(0, 20)}`;
}

/** A poem as an article: lines are paragraphs, the poet stands in the byline. No date: poems
 * have none that the data gives, and dates are never invented. */
export function poemToArticle(poem: Poem, script: Script): Article {
  return {
    ...emptyLists(),
    id: poemId(poem),
    title: poem.title,
    body: poem.lines,
    source: poem.source,
    reporters: poem.author === '' ? [] : [poem.author],
    script,
    path: `chinese-poetry/${poem.file}#${poem.position}`,
  };
}
