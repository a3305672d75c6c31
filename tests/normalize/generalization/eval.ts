// `npm run eval:normalize [-- --pages] [--split tune|held-out]`: runs the normalizer on the
// generalization set and prints, per split, per-field accuracy, chrome lines leaked per page and
// sentences lost. Two modes: each page alone, and each outlet's pages as one folder (what the
// indexer sees when an archive keeps a site's pages together: cross-page boilerplate applies).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { countFolderLines, lineKey } from '../../../src/normalize/boilerplate';
import { normalizePaths, type FileResult } from '../../../src/normalize/normalizer';
import { loadPages, SPLITS, type Page, type Split } from './pages';
import { FIELDS, scorePage, summarize, type PageScore, type Summary } from './score';

export type Mode = 'page' | 'folder';

/** What the repeated-line signal sees on the set, and what the stage using it removed. */
export interface BoilerplateMeasure {
  folders: number;
  sketchBytes: number;
  countMs: number;
  chromeLines: number;
  /** Chrome lines their folder's other pages repeat: what the signal alone could catch. */
  chromeRepeated: number;
  articleLines: number;
  /** Article lines the folder repeats: what the edge rule must protect. */
  articleRepeated: number;
  dropped: number;
  droppedChrome: number;
  droppedArticle: number;
}

async function measureBoilerplate(
  files: Map<string, Page>,
  scores: PageScore[],
): Promise<BoilerplateMeasure> {
  const byFolder = new Map<string, string[]>();
  for (const file of files.keys()) {
    const dir = file.slice(0, file.lastIndexOf('/'));
    byFolder.set(dir, [...(byFolder.get(dir) ?? []), file]);
  }
  const m: BoilerplateMeasure = {
    folders: byFolder.size,
    sketchBytes: 0,
    countMs: 0,
    chromeLines: 0,
    chromeRepeated: 0,
    articleLines: 0,
    articleRepeated: 0,
    dropped: 0,
    droppedChrome: 0,
    droppedArticle: 0,
  };
  for (const folderFiles of byFolder.values()) {
    const t0 = performance.now();
    const folder = await countFolderLines(folderFiles);
    m.countMs += performance.now() - t0;
    if (!folder) continue;
    m.sketchBytes = Math.max(m.sketchBytes, folder.bytes);
    for (const file of folderFiles) {
      const page = files.get(file)!;
      const chrome = page.chrome.filter((c) => !page.articleLines.some((l) => l.includes(c)));
      m.chromeLines += chrome.length;
      m.chromeRepeated += chrome.filter((c) => folder.isRepeated(c)).length;
      m.articleLines += page.articleLines.length;
      m.articleRepeated += page.articleLines.filter((l) => folder.isRepeated(l)).length;
    }
  }
  for (const s of scores) {
    const chrome = new Set(s.page.chrome.map(lineKey));
    m.dropped += s.boilerplate.length;
    m.droppedChrome += s.boilerplate.filter((t) => chrome.has(lineKey(t))).length;
    m.droppedArticle += s.boilerplate.filter(
      (t) => !chrome.has(lineKey(t)) && s.page.articleLines.some((l) => l.includes(t)),
    ).length;
  }
  return m;
}

/** Writes the pages as .txt files, one folder per outlet, and normalizes them. */
export async function runSet(
  pages: Page[],
  mode: Mode,
): Promise<{ scores: PageScore[]; boilerplate?: BoilerplateMeasure }> {
  const root = mkdtempSync(join(tmpdir(), 'normalize-eval-'));
  try {
    const files = new Map<string, Page>();
    for (const page of pages) {
      const dir = join(root, page.split, page.outlet);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${page.name.split('/')[1]}.txt`);
      writeFileSync(file, page.text);
      files.set(file, page);
    }
    const inputs =
      mode === 'page' ? [...files.keys()] : [...new Set(pages.map((p) => join(root, p.split)))];
    const results = new Map<string, FileResult>();
    for await (const r of normalizePaths(inputs)) results.set(r.path, r);
    const scores = [...files].map(([file, page]) => {
      const r = results.get(file);
      if (!r) throw new Error(`${relative(root, file)}: not normalized`);
      return scorePage(page, r.articles[0], r.warnings);
    });
    if (mode === 'page') return { scores };
    return { scores, boilerplate: await measureBoilerplate(files, scores) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function tableHeader(): string {
  return [
    '| split | mode | pages | ' +
      FIELDS.join(' | ') +
      ' | named reporters | chrome leaked/page | sentences lost | captions in body | wrong titles, no warning |',
    '|' + ' --- |'.repeat(FIELDS.length + 9),
  ].join('\n');
}

export function tableRow(split: string, mode: Mode, s: Summary): string {
  const cells = [
    split,
    mode,
    String(s.pages),
    ...FIELDS.map((f) => pct(s.accuracy[f])),
    `${pct(s.namedReporters)} of ${s.namedReporterPages}`,
    `${s.chromePerPage.toFixed(2)} (${s.chromeLeaked})`,
    `${s.sentencesLost} of ${s.sentences}`,
    String(s.captionsInBody),
    String(s.silentWrongTitles),
  ];
  return `| ${cells.join(' | ')} |`;
}

const show = (v: string | string[]) => (Array.isArray(v) ? v.join(' ') : v) || '-';

/** What a page got wrong, for reading. */
export function describeMisses(s: PageScore): string[] {
  const lines: string[] = [];
  for (const f of FIELDS) {
    if (!s.right[f])
      lines.push(`  ${f}: got "${show(s.got[f])}", want "${show(s.page.expected[f])}"`);
  }
  for (const c of s.leaked) lines.push(`  chrome leaked: ${c}`);
  for (const c of s.lost) lines.push(`  sentence lost: ${c}`);
  for (const c of s.captionsInBody) lines.push(`  caption in body: ${c}`);
  return lines;
}

async function main(argv: string[]): Promise<void> {
  const splitArg = argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : undefined;
  if (splitArg !== undefined && !(SPLITS as readonly string[]).includes(splitArg)) {
    throw new Error(`--split must be one of ${SPLITS.join(', ')}`);
  }
  const splits: readonly Split[] = splitArg ? [splitArg as Split] : SPLITS;
  const pages = loadPages(splits);
  const rows: string[] = [];
  const repeatRows: string[] = [];
  const detail: string[] = [];
  for (const split of splits) {
    for (const mode of ['page', 'folder'] as const) {
      const { scores, boilerplate: b } = await runSet(
        pages.filter((p) => p.split === split),
        mode,
      );
      rows.push(tableRow(split, mode, summarize(scores)));
      if (b) {
        repeatRows.push(
          `| ${split} | ${b.folders} | ${b.chromeRepeated} of ${b.chromeLines} | ` +
            `${b.articleRepeated} of ${b.articleLines} | ${b.dropped} | ${b.droppedChrome} | ` +
            `${b.droppedArticle} | ${(b.sketchBytes / 1024).toFixed(0)} KiB | ${b.countMs.toFixed(0)} ms |`,
        );
      }
      if (argv.includes('--pages')) {
        for (const s of scores) {
          const misses = describeMisses(s);
          if (misses.length > 0)
            detail.push(`${s.page.name} [${mode}] (${s.page.layout})`, ...misses);
        }
      }
    }
  }
  const outlets = new Set(pages.map((p) => p.outlet)).size;
  console.log(`${pages.length} pages from ${outlets} outlets' layouts\n`);
  console.log([tableHeader(), ...rows].join('\n'));
  console.log(
    [
      '\nLines repeated across a folder (one folder per outlet):\n',
      '| split | folders | chrome lines repeated | article lines repeated | dropped as boilerplate | of them chrome | of them article | sketch per folder | counting time |',
      '|' + ' --- |'.repeat(9),
      ...repeatRows,
    ].join('\n'),
  );
  if (detail.length > 0) console.log(`\n${detail.join('\n')}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
