// Progress on stderr: a bar on a terminal, otherwise a line every few seconds (for logs).
import { opendir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { isHidden } from '../normalize/normalizer';
import type { Progress } from './report';

export interface ProgressDisplay {
  update(progress: Progress): void;
  stop(): void;
}

export function progressLine(progress: Progress): string {
  const { filesRead, articlesRead, indexed, unchanged, failed } = progress;
  return (
    `${filesRead} files, ${articlesRead} articles: ` +
    `${indexed} indexed, ${unchanged} unchanged, ${failed} failed`
  );
}

/** Files under the paths, hidden ones aside as normalization does: the bar's total. */
export async function countFiles(paths: string[]): Promise<number> {
  let count = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    if (!info.isDirectory()) {
      count += 1;
      continue;
    }
    for await (const entry of await opendir(path, { recursive: true })) {
      const hidden = relative(path, join(entry.parentPath, entry.name)).split(sep).some(isHidden);
      if (entry.isFile() && !hidden) count += 1;
    }
  }
  return count;
}

/** Writes a line when `intervalMs` has passed since the last one. */
export function periodicLines(
  write: (line: string) => void,
  intervalMs: number,
  now: () => number = Date.now,
): ProgressDisplay {
  let last = now();
  return {
    update(progress) {
      if (now() - last < intervalMs) return;
      last = now();
      write(`indexing: ${progressLine(progress)}\n`);
    },
    stop() {},
  };
}

export function progressBar(stream: NodeJS.WriteStream, totalFiles: number): ProgressDisplay {
  const bar = new SingleBar(
    {
      stream,
      format:
        'indexing [{bar}] {value}/{total} files | {articles} articles: {indexed} indexed, {unchanged} unchanged, {failed} failed | {duration_formatted}',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const payload = (p?: Progress) => ({
    articles: p?.articlesRead ?? 0,
    indexed: p?.indexed ?? 0,
    unchanged: p?.unchanged ?? 0,
    failed: p?.failed ?? 0,
  });
  bar.start(totalFiles, 0, payload());
  return {
    update(progress) {
      // Normalization may read files the walk did not count; never run past the end.
      bar.setTotal(Math.max(totalFiles, progress.filesRead));
      bar.update(progress.filesRead, payload(progress));
    },
    stop() {
      bar.stop();
    },
  };
}
