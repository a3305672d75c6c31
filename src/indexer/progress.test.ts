import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countFiles, periodicLines, progressLine } from './progress';

const progress = { filesRead: 2, articlesRead: 3, indexed: 1, unchanged: 1, failed: 1 };

describe('progress', () => {
  it('describes the counts in one line', () => {
    expect(progressLine(progress)).toBe('2 files, 3 articles: 1 indexed, 1 unchanged, 1 failed');
  });

  it('writes a line only once the interval has passed', () => {
    let now = 0;
    const lines: string[] = [];
    const display = periodicLines(
      (line) => lines.push(line),
      1000,
      () => now,
    );
    display.update(progress);
    now = 999;
    display.update(progress);
    now = 1500;
    display.update(progress);
    now = 2000;
    display.update(progress);
    expect(lines).toEqual([`indexing: ${progressLine(progress)}\n`]);
  });

  it('counts the files under folders and given files, recursively', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'count-'));
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'a.txt'), 'a');
    await writeFile(join(dir, 'sub', 'b.txt'), 'b');
    await writeFile(join(dir, 'sub', 'c.html'), 'c');
    await writeFile(join(dir, '.hidden.txt'), 'h');
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, '.git', 'HEAD'), 'h');
    expect(await countFiles([dir])).toBe(3);
    expect(await countFiles([join(dir, 'a.txt'), join(dir, 'missing')])).toBe(1);
  });
});
