// The normalize command: articles as JSON lines on one stream, a per-file report on another.
import type { Writable } from 'node:stream';
import { type FileResult, normalizePaths } from './normalizer';

export const USAGE = 'usage: npm run normalize -- <files or folders>...';

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

/** The report line(s) for one file: ok, warn or FAIL, then one indented line per warning. */
export function reportLines(r: FileResult): string {
  const status = r.error ? 'FAIL' : r.warnings.length > 0 ? 'warn' : 'ok  ';
  const what = r.error ?? `${r.articles.length} article${r.articles.length === 1 ? '' : 's'}`;
  return (
    [`${status} ${r.path}: ${what}`, ...r.warnings.map((w) => `     - ${w}`)].join('\n') + '\n'
  );
}

/** Runs over the paths; the exit status is 1 when a file failed, 2 for a usage error. */
export async function runCli(paths: string[], out: Writable, err: Writable): Promise<number> {
  if (paths.length === 0) {
    await write(err, `${USAGE}\n`);
    return 2;
  }
  const counts = { files: 0, failed: 0, warned: 0, articles: 0 };
  for await (const result of normalizePaths(paths)) {
    counts.files++;
    if (result.error) counts.failed++;
    else if (result.warnings.length > 0) counts.warned++;
    counts.articles += result.articles.length;
    for (const article of result.articles) await write(out, `${JSON.stringify(article)}\n`);
    await write(err, reportLines(result));
  }
  await write(
    err,
    `${counts.files} files: ${counts.files - counts.failed - counts.warned} ok, ` +
      `${counts.warned} with warnings, ${counts.failed} failed; ${counts.articles} articles\n`,
  );
  return counts.failed > 0 ? 1 : 0;
}
