// Where a bench leaves its figures: <out>/<name>.json, <out>/<name>.svg and <out>/<name>.md
// (the table the README quotes). Only the latest run is kept. Formatted with the repo's
// Prettier settings, so `npm run lint` accepts the committed results as they are written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';
import { ROOT } from '../../src/config';

export const RESULTS_DIR = join(ROOT, 'bench', 'results');

async function writeResults(
  name: string,
  outDir: string | undefined,
  files: { json: unknown; svg: string; markdown: string },
): Promise<string[]> {
  const dir = outDir ?? RESULTS_DIR;
  mkdirSync(dir, { recursive: true });
  const options = (await prettier.resolveConfig(join(ROOT, 'package.json'))) ?? {};
  const written: string[] = [];
  for (const [file, text, parser] of [
    [`${name}.json`, JSON.stringify(files.json), 'json'],
    [`${name}.svg`, files.svg, undefined],
    [`${name}.md`, files.markdown, 'markdown'],
  ] as const) {
    const path = join(dir, file);
    writeFileSync(path, parser ? await prettier.format(text, { ...options, parser }) : text);
    written.push(relative(ROOT, path));
  }
  return written;
}

/** Writes a bench's results, says where, and prints its table on stdout. */
export async function publishResults(
  name: string,
  outDir: string | undefined,
  files: { json: unknown; svg: string; markdown: string },
): Promise<void> {
  for (const file of await writeResults(name, outDir, files)) log(`wrote ${file}`);
  process.stdout.write(`\n${files.markdown}`);
}

/** A markdown table. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The one-line machine description under each table. */
export function machineLine(m: {
  cores: number;
  memoryGiB: number;
  cpu: string;
  node: string;
  elasticsearch: string;
  loadAtStart: number;
  date: string;
}): string {
  return (
    `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ` +
    `Elasticsearch ${m.elasticsearch}; load ${m.loadAtStart} at start; ${m.date.slice(0, 16)}Z`
  );
}

export function log(line: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}
