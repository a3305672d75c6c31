// Normalization's entry point: files in, clean articles out, one file at a time.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Article } from '../article';
import { toArticle } from './to-article';
import { decodeBuffer } from './decode';
import type { Draft } from './draft';
import { draftFromBlocks, draftFromLines, runStages } from './draft';
import {
  BOILERPLATE_DEFAULTS,
  type BoilerplateOptions,
  countFolderLines,
  type FolderLines,
  lineKey,
} from './boilerplate';
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
const SUPPORTED_LIST = SUPPORTED_EXTENSIONS.join(', ');
const isSupported = (file: string) =>
  (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase());

/** A draft through every stage, finished as an article. */
function normalizeDraft(initial: Draft, path: string): { article: Article; warnings: string[] } {
  const draft = runStages(STAGES, initial);
  return { article: toArticle(draft, path), warnings: draft.warnings };
}

/**
 * One page's already-decoded text through every stage; `folder` tells which lines the other
 * pages of its folder repeat.
 */
export function normalizeText(
  text: string,
  path: string,
  folder?: FolderLines,
): { article: Article; warnings: string[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const draft = draftFromLines(lines);
  if (folder) {
    draft.repeatedLines = new Set(lines.filter((l) => folder.isRepeated(l)).map(lineKey));
  }
  return normalizeDraft(draft, path);
}

/** One HTML page: Readability's main text through the same stages. */
export function normalizeHtml(
  html: string,
  path: string,
): { article: Article; warnings: string[] } {
  return normalizeDraft(draftFromBlocks(htmlToBlocks(html)), path);
}

/** Hidden files and folders (a leading dot: .git, .DS_Store) are never read. */
export const isHidden = (name: string) => name.startsWith('.');

/** Why a path could not be read: its error code (ENOENT, EACCES), else the message. */
const cannotRead = (e: unknown) =>
  `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;

const failed = (path: string, error: string, warnings: string[] = []): FileResult => ({
  path,
  articles: [],
  warnings,
  error,
});

/** Reads, decodes and normalizes one file; never throws. */
export async function normalizeFile(path: string, folder?: FolderLines): Promise<FileResult> {
  const ext = extname(path).toLowerCase();
  if (!isSupported(path)) {
    return failed(path, `unsupported file type "${ext}" (expected ${SUPPORTED_LIST})`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    return failed(path, cannotRead(e));
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
    ext === '.txt' ? normalizeText(decoded.text, path, folder) : normalizeHtml(decoded.text, path);
  warnings.push(...notes);
  if (article.body.length === 0)
    return failed(path, 'no article text left after normalization', warnings);
  return { path, articles: [article], warnings };
}

/**
 * The files under a folder, depth first, in name order, hidden entries skipped; each with the
 * lines its folder's pages repeat, counted before the folder's first file is given out.
 */
async function* walk(
  dir: string,
  boilerplate: BoilerplateOptions,
): AsyncGenerator<{ file: string; folder?: FolderLines }> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !isHidden(e.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files = entries.filter((e) => !e.isDirectory()).map((e) => join(dir, e.name));
  const folder = await countFolderLines(files.filter(isSupported), boilerplate);
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full, boilerplate);
    else yield { file: full, folder };
  }
}

/**
 * Normalizes files and folders (recursively, in name order), one file at a time: the corpus is
 * never held in memory. Other files inside folders are skipped with a warning; named ones fail.
 * Within a folder, lines its pages repeat are judged as the site's (./boilerplate.ts).
 */
export async function* normalizePaths(
  paths: string[],
  boilerplate: BoilerplateOptions = BOILERPLATE_DEFAULTS,
): AsyncGenerator<FileResult> {
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (e) {
      yield failed(path, cannotRead(e));
      continue;
    }
    if (!isDir) {
      yield await normalizeFile(path);
      continue;
    }
    for await (const { file, folder } of walk(path, boilerplate)) {
      yield isSupported(file)
        ? await normalizeFile(file, folder)
        : { path: file, articles: [], warnings: [`skipped: not a ${SUPPORTED_LIST} file`] };
    }
  }
}
