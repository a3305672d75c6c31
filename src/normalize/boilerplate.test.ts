import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countFolderLines, LineSketch } from './boilerplate';

describe('LineSketch', () => {
  it('counts keys in fixed memory, never under the true count', () => {
    const s = new LineSketch(1 << 10, 4);
    for (let i = 0; i < 5000; i++) s.add(`line ${i % 500}`);
    expect(s.bytes).toBe((1 << 10) * 4 * 2);
    for (let i = 0; i < 500; i += 50) expect(s.count(`line ${i}`)).toBeGreaterThanOrEqual(10);
    expect(s.count('line 7')).toBeLessThan(40);
  });
});

describe('countFolderLines', () => {
  it('finds the lines that several pages of a folder repeat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'boilerplate-'));
    try {
      const files = [1, 2, 3].map((n) => {
        const file = join(dir, `${n}.txt`);
        writeFileSync(file, `网站首页 | 新闻中心\n第${n}篇文章的正文。\n版权所有 某某网\n`);
        return file;
      });
      const folder = await countFolderLines(files);
      expect(folder?.pages).toBe(3);
      expect(folder?.isRepeated('网站首页 | 新闻中心')).toBe(true);
      expect(folder?.isRepeated('第2篇文章的正文。')).toBe(false);
      expect(await countFolderLines(files.slice(0, 1))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
