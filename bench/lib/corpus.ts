// The bench corpus, made at bench time under bench/work/ (git-ignored): the seeds of corpus/
// plus every poem of chinese-poetry, shuffled with a fixed seed and cut into JSON-lines files
// of articles (the indexer's input), and the same documents as ready-made bulk bodies for the
// raw load that bypasses our pipeline. Made once; reused while its inputs are unchanged.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Article, Script } from '../../src/article';
import { ROOT } from '../../src/config';
import { toIndexDocument } from '../../src/indexer/document';
import { normalizePaths } from '../../src/normalize/normalizer';
import { detectScript } from '../../src/normalize/detect-script';
import { type Poem, poemToArticle, poetryVersion, readPoems } from './poems';
import { seededRandom, shuffle } from './random';

export const WORK_DIR = join(ROOT, 'bench', 'work');
export const CORPUS_DIR = join(WORK_DIR, 'corpus');
export const SEEDS_DIR = join(ROOT, 'corpus');

/** Documents per file; a size is a whole number of files, the first one short by the seeds. */
export const CHUNK_DOCS = 1000;
export const CORPUS_SEED = 20240601;
/** Bump when the files' layout or content rules change, so old conversions are redone. */
const FORMAT = 1;

interface FileEntry {
  /** Relative to the corpus folder. */
  articles: string;
  raw: string;
  docs: number;
  bytes: number;
  rawBytes: number;
}

export interface CorpusManifest {
  key: string;
  poetryVersion: string;
  seed: number;
  /** The seed files (absolute), fed to the pipeline as they are. */
  seeds: { paths: string[]; docs: number; bytes: number; raw: string; rawBytes: number };
  chunks: FileEntry[];
  poems: number;
  /** Poems left out for having no title or no text. */
  skipped: number;
  scripts: Record<Script, number>;
}

/** One size's input: the pipeline reads `paths`, the raw load sends `rawPaths`. */
export interface BenchInput {
  docs: number;
  paths: string[];
  bytes: number;
  rawPaths: string[];
  rawBytes: number;
}

function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(SEEDS_DIR, name));
}

/** What the conversion depends on: redo it when any of these change. */
function conversionKey(seeds: string[]): string {
  const hash = createHash('sha256').update(`${FORMAT} ${poetryVersion()} ${CORPUS_SEED}`);
  const sources = [
    'bench/lib/corpus.ts',
    'bench/lib/poems.ts',
    'src/article.ts',
    'src/indexer/document.ts',
    'src/normalize/detect-script.ts',
  ];
  for (const file of [...seeds, ...sources.map((s) => join(ROOT, s))]) {
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** A document as a bulk `index` action and its source: two NDJSON lines. */
export function rawBulkLines(article: Article): string {
  const doc = toIndexDocument(article);
  return `${JSON.stringify({ index: { _id: doc.id } })}\n${JSON.stringify(doc)}\n`;
}

async function normalizeSeeds(paths: string[]): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const result of normalizePaths(paths)) {
    if (result.error) throw new Error(`seed ${result.path} did not normalize: ${result.error}`);
    articles.push(...result.articles);
  }
  return articles;
}

function writeFile(name: string, text: string): number {
  writeFileSync(join(CORPUS_DIR, name), text);
  return Buffer.byteLength(text);
}

/** Converts the package; ~1 minute for all of it on one core. */
async function convert(key: string, seeds: string[]): Promise<CorpusManifest> {
  rmSync(CORPUS_DIR, { recursive: true, force: true });
  mkdirSync(CORPUS_DIR, { recursive: true });
  const seedArticles = await normalizeSeeds(seeds);
  const seedRaw = seedArticles.map(rawBulkLines).join('');

  const poems: Poem[] = [];
  let skipped = 0;
  for (const poem of readPoems()) {
    if (poem) poems.push(poem);
    else skipped++;
  }
  // Shuffled, so every size is a fair sample of all three collections.
  shuffle(poems, seededRandom(CORPUS_SEED));

  const scripts: Record<Script, number> = { traditional: 0, simplified: 0, mixed: 0 };
  const chunks: FileEntry[] = [];
  let start = 0;
  while (start < poems.length) {
    const size = chunks.length === 0 ? CHUNK_DOCS - seedArticles.length : CHUNK_DOCS;
    let articles = '';
    let raw = '';
    const slice = poems.slice(start, start + size);
    for (const poem of slice) {
      const script = detectScript([poem.title, ...poem.lines].join('\n'));
      scripts[script]++;
      const article = poemToArticle(poem, script);
      articles += `${JSON.stringify(article)}\n`;
      raw += rawBulkLines(article);
    }
    const name = `poems-${String(chunks.length).padStart(4, '0')}`;
    chunks.push({
      articles: `${name}.jsonl`,
      raw: `${name}.bulk.ndjson`,
      docs: slice.length,
      bytes: writeFile(`${name}.jsonl`, articles),
      rawBytes: writeFile(`${name}.bulk.ndjson`, raw),
    });
    start += size;
  }

  const manifest: CorpusManifest = {
    key,
    poetryVersion: poetryVersion(),
    seed: CORPUS_SEED,
    seeds: {
      paths: seeds,
      docs: seedArticles.length,
      bytes: seeds.reduce((n, path) => n + readFileSync(path).length, 0),
      raw: 'seeds.bulk.ndjson',
      rawBytes: writeFile('seeds.bulk.ndjson', seedRaw),
    },
    chunks,
    poems: poems.length,
    skipped,
    scripts,
  };
  writeFileSync(join(CORPUS_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The converted corpus, converting first when there is none or it is stale. */
export async function prepareCorpus(log: (line: string) => void): Promise<CorpusManifest> {
  const seeds = seedFiles();
  const key = conversionKey(seeds);
  const manifestPath = join(CORPUS_DIR, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest;
    if (manifest.key === key) return manifest;
  }
  log(`converting chinese-poetry ${poetryVersion()} into ${relative(ROOT, CORPUS_DIR)}/`);
  const started = Date.now();
  const manifest = await convert(key, seeds);
  log(
    `converted ${manifest.poems} poems (${manifest.skipped} without title or text left out) ` +
      `and ${manifest.seeds.docs} seeds in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return manifest;
}

export function totalDocs(manifest: CorpusManifest): number {
  return manifest.seeds.docs + manifest.poems;
}

/** The files holding the first `docs` documents (whole files: rounded up to one). */
export function inputFor(manifest: CorpusManifest, docs: number | 'all'): BenchInput {
  const input: BenchInput = {
    docs: manifest.seeds.docs,
    paths: [...manifest.seeds.paths],
    bytes: manifest.seeds.bytes,
    rawPaths: [join(CORPUS_DIR, manifest.seeds.raw)],
    rawBytes: manifest.seeds.rawBytes,
  };
  for (const chunk of manifest.chunks) {
    if (docs !== 'all' && input.docs >= docs) break;
    input.docs += chunk.docs;
    input.paths.push(join(CORPUS_DIR, chunk.articles));
    input.bytes += chunk.bytes;
    input.rawPaths.push(join(CORPUS_DIR, chunk.raw));
    input.rawBytes += chunk.rawBytes;
  }
  return input;
}
