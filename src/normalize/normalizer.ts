// Normalization's entry point: files in, clean articles out, one file at a time.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Article } from '../article';
import { toArticle } from './to-article';
import { decodeBuffer } from './decode';
import type { Draft } from './draft';
import { draftFromBlocks, draftFromLines, runStages } from './draft';
import { htmlToBlocks } from './html';
import { parseJsonl } from './jsonl';
import { STAGES } from './stages/registry';

export interface FileResult {
  path: string;
  articles: Article[];
  warnings: string[];
  /** Why the file gave no article (empty, binary, truncated, undecodable...). */
  error?: string;
}

export const SUPPORTED_EXTENSIONS = ['.txt', '.html', '.htm', '.jsonl'] as const;

/** A draft through every stage, finished as an article. */
function normalizeDraft(initial: Draft, path: string): { article: Article; warnings: string[] } {
  const draft = runStages(STAGES, initial);
  return { article: toArticle(draft, path), warnings: draft.warnings };
}

/** One page's already-decoded text through every stage. */
export function normalizeText(
  text: string,
  path: string,
): { article: Article; warnings: string[] } {
  return normalizeDraft(draftFromLines(text.split(/\r\n|\r|\n/)), path);
}

/** One HTML page: Readability's main text through the same stages. */
export function normalizeHtml(
  html: string,
  path: string,
): { article: Article; warnings: string[] } {
  return normalizeDraft(draftFromBlocks(htmlToBlocks(html)), path);
}

const failed = (path: string, error: string, warnings: string[] = []): FileResult => ({
  path,
  articles: [],
  warnings,
  error,
});

/** Reads, decodes and normalizes one file; never throws. */
export async function normalizeFile(path: string): Promise<FileResult> {
  const ext = extname(path).toLowerCase();
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    return failed(
      path,
      `unsupported file type "${ext}" (expected ${SUPPORTED_EXTENSIONS.join(', ')})`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return failed(
      path,
      `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const decoded = decodeBuffer(bytes);
  if (!decoded.ok) return failed(path, decoded.error);
  const warnings = [...decoded.warnings];

  if (ext === '.jsonl') {
    const { articles, warnings: lines } = parseJsonl(decoded.text, path);
    warnings.push(...lines);
    if (articles.length === 0)
      return failed(path, `no valid article line (${lines.length} bad)`, warnings);
    return { path, articles, warnings };
  }
  const { article, warnings: notes } =
    ext === '.txt' ? normalizeText(decoded.text, path) : normalizeHtml(decoded.text, path);
  warnings.push(...notes);
  if (article.body.length === 0)
    return failed(path, 'no article text left after normalization', warnings);
  return { path, articles: [article], warnings };
}

/** The files under a folder, depth first, in name order; hidden entries skipped. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/**
 * Normalizes files and folders (recursively, in name order), one file at a time: the corpus is
 * never held in memory. Other files inside folders are skipped with a warning; named ones fail.
 */
export async function* normalizePaths(paths: string[]): AsyncGenerator<FileResult> {
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (e) {
      yield failed(
        path,
        `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
      continue;
    }
    if (!isDir) {
      yield await normalizeFile(path);
      continue;
    }
    for await (const file of walk(path)) {
      const supported = (SUPPORTED_EXTENSIONS as readonly string[]).includes(
        extname(file).toLowerCase(),
      );
      yield supported
        ? await normalizeFile(file)
        : { path: file, articles: [], warnings: ['skipped: not a .txt, .html or .jsonl file'] };
    }
  }
}
