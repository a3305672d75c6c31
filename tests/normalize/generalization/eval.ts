// `npm run eval:normalize [-- --pages] [--split tune|held-out]`: runs the normalizer on the
// generalization set and prints, per split, per-field accuracy, chrome lines leaked per page and
// sentences lost. Two modes: each page alone, and each outlet's pages as one folder (what the
// indexer sees when an archive keeps a site's pages together: cross-page boilerplate applies).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { normalizePaths, type FileResult } from '../../../src/normalize/normalizer';
import { loadPages, SPLITS, type Page, type Split } from './pages';
import { FIELDS, scorePage, summarize, type PageScore, type Summary } from './score';

export type Mode = 'page' | 'folder';

/** Writes the pages as .txt files, one folder per outlet, and normalizes them. */
export async function runSet(pages: Page[], mode: Mode): Promise<PageScore[]> {
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
    return [...files].map(([file, page]) => {
      const r = results.get(file);
      if (!r) throw new Error(`${relative(root, file)}: not normalized`);
      return scorePage(page, r.articles[0], r.warnings);
    });
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
  const detail: string[] = [];
  for (const split of splits) {
    for (const mode of ['page', 'folder'] as const) {
      const scores = await runSet(
        pages.filter((p) => p.split === split),
        mode,
      );
      rows.push(tableRow(split, mode, summarize(scores)));
      if (mode === 'page' && argv.includes('--pages')) {
        for (const s of scores) {
          const misses = describeMisses(s);
          if (misses.length > 0) detail.push(`${s.page.name} (${s.page.layout})`, ...misses);
        }
      }
    }
  }
  const outlets = new Set(pages.map((p) => p.outlet)).size;
  console.log(`${pages.length} pages from ${outlets} outlets' layouts\n`);
  console.log([tableHeader(), ...rows].join('\n'));
  if (detail.length > 0) console.log(`\n${detail.join('\n')}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
