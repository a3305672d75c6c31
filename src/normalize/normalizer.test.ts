// Files and folders: .txt, .html and .jsonl in, broken files reported by name and reason.
import iconv from 'iconv-lite';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Article } from '../article';
import { type FileResult, normalizeFile, normalizePaths, normalizeText } from './normalizer';
import { runCli } from './cli';
import {
  SEED_EXPECTATIONS,
  SEED_FILES,
  SEED_NAMES,
  seedPath,
  seedText,
} from '../../tests/fixtures/seeds';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'normalize-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};

async function collect(paths: string[]): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for await (const r of normalizePaths(paths)) out.push(r);
  return out;
}

/** The article without what depends on the input form: its path and the removal log. */
const withoutPath = (a: Article) => ({ ...a, path: '', removed: [] });

describe('normalizePaths', () => {
  it('walks folders recursively in name order and reports broken files by name and reason', async () => {
    copyFileSync(seedPath('000'), join(dir, 'b.txt'));
    write('a/deep/c.txt', seedText('004'));
    write('a/empty.txt', '');
    write('a/image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    // Cut after the first byte of 澧, as a failed transfer leaves it.
    const head = seedText('002').slice(0, seedText('002').indexOf('澧'));
    const cut = Buffer.concat([
      iconv.encode(head, 'gb18030'),
      iconv.encode('澧', 'gb18030').subarray(0, 1),
    ]);
    write('z-truncated.txt', cut);
    write('notes.md', '# not an article');
    write('.hidden.txt', seedText('001'));

    const results = await collect([dir]);
    const rel = (r: FileResult) => r.path.slice(dir.length + 1);
    expect(results.map(rel)).toEqual([
      'a/deep/c.txt',
      'a/empty.txt',
      'a/image.txt',
      'b.txt',
      'notes.md',
      'z-truncated.txt',
    ]);
    const byName = new Map(results.map((r) => [rel(r), r]));
    expect(byName.get('a/empty.txt')).toMatchObject({ articles: [], error: 'empty file' });
    expect(byName.get('a/image.txt')!.error).toMatch(/^binary/);
    expect(byName.get('z-truncated.txt')!.error).toMatch(/^truncated: ends inside a GB18030/);
    expect(byName.get('notes.md')!.error).toBeUndefined();
    expect(byName.get('notes.md')!.warnings[0]).toMatch(/^skipped/);
    // The good files still come out, whatever their neighbours.
    expect(byName.get('b.txt')!.articles[0]!.title).toBe('滎陽:共產黨員成為疫情防控主力軍');
    expect(byName.get('a/deep/c.txt')!.articles[0]!.source).toBe('鲁网');
  });

  it('reports a path that does not exist and a named file of another type', async () => {
    const md = write('x.md', 'text');
    const [missing, named] = await collect([join(dir, 'nope'), md]);
    expect(missing!.error).toMatch(/^cannot read: ENOENT/);
    expect(named!.error).toMatch(/^unsupported file type ".md"/);
  });

  it('gives the same ids when files move', async () => {
    copyFileSync(seedPath('003'), join(dir, 'one.txt'));
    write('elsewhere/renamed.txt', seedText('003'));
    const [a, b] = await collect([join(dir, 'elsewhere'), join(dir, 'one.txt')]);
    expect(a!.articles[0]!.id).toBe(b!.articles[0]!.id);
    expect(a!.articles[0]!.path).not.toBe(b!.articles[0]!.path);
  });
});

describe('.txt', () => {
  it('reports a page with no article text left', async () => {
    const path = write('chrome.txt', '首页 > 新闻 > 正文\n分享到:\n相关阅读\n');
    const result = await normalizeFile(path);
    expect(result.error).toBe('no article text left after normalization');
    expect(result.articles).toEqual([]);
  });
});

describe('.html', () => {
  /** Seed 000 as a site would serve it: menu, search, figures, related box and footer. */
  function seedAsHtml(): string {
    const lines = seedText('000')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const [title, ...rest] = lines;
    const article = rest.slice(0, -3);
    const alt = '荥阳:共产党员成为疫情防控主力军';
    const subheadings = new Set(SEED_EXPECTATIONS['000'].article.subheadings);
    const parts: string[] = [];
    for (let i = 0; i < article.length; i++) {
      const line = article[i]!;
      if (line === alt) {
        parts.push(
          `<figure><img src="p${i}.jpg" alt="${alt}"><figcaption>${article[++i]}</figcaption></figure>`,
        );
      } else if (subheadings.has(line)) parts.push(`<h2>${line}</h2>`);
      else parts.push(`<p>${line.replace('報訊', '報(bào)訊')}</p>`);
    }
    return `<!doctype html><html><head><meta charset="utf-8"><title>${title}_映象網</title></head>
<body><nav><a href="/">首页</a> <a href="/henan">河南</a> <a href="/beijing">北京</a></nav>
<form class="search"><input placeholder="搜索"><button>搜 索</button></form>
<article><h1>${title}</h1>${parts.join('\n')}</article>
<aside><h3>相關文章:</h3><ul><li><a href="/x">另一篇文章的標題2022-01-01</a></li></ul></aside>
<footer>關於我們 | 聯繫我們 | 版權聲明 | 網站地圖<br>Copyright © 2020 映象網</footer></body></html>`;
  }

  it('extracts the main text with Readability and gives the same article as the .txt', async () => {
    const path = write('000.html', seedAsHtml());
    const result = await normalizeFile(path);
    expect(result.error).toBeUndefined();
    const fromHtml = result.articles[0]!;
    const fromTxt = normalizeText(seedText('000'), 'x.txt').article;
    expect(withoutPath(fromHtml)).toEqual(withoutPath(fromTxt));
    expect(fromHtml.subheadings).toHaveLength(3);
    expect(fromHtml.captions).toHaveLength(3);
    const text = JSON.stringify(fromHtml);
    for (const chrome of ['相關文章', '關於我們', 'Copyright', '搜 索', '_映象網']) {
      expect([chrome, text.includes(chrome)]).toEqual([chrome, false]);
    }
  });

  it('falls back to the whole body when Readability finds no article', async () => {
    const path = write('short.html', '<html><body><p>短讯:今天全市降温。</p></body></html>');
    const result = await normalizeFile(path);
    expect(result.articles[0]!.body).toEqual(['短讯:今天全市降温。']);
  });
});

describe('.jsonl', () => {
  const good = {
    title: '滎陽:共產黨員成為疫情防控主力軍',
    body: ['第一段。', '第二段。'],
    published_at: '2020-01-31T10:00:00+08:00',
    source: '映象網',
    reporters: ['王文凱'],
  };

  it('loads good lines and reports each bad one by line number', async () => {
    const lines = [
      JSON.stringify(good),
      '{"title": "cut off',
      JSON.stringify({ body: ['没有标题。'] }),
      '',
      JSON.stringify({ ...good, titel: 'typo' }),
      JSON.stringify({ ...good, published_at: '2020-01-31 10:00' }),
      JSON.stringify({ ...good, title: '第二篇', id: 'given-id', script: 'simplified' }),
    ];
    const result = await normalizeFile(write('articles.jsonl', lines.join('\n')));
    expect(result.error).toBeUndefined();
    expect(result.articles.map((a) => a.title)).toEqual([good.title, '第二篇']);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^line 2: not JSON/),
      expect.stringMatching(/^line 3: title: /),
      expect.stringMatching(/^line 5: article: .*titel/),
      expect.stringMatching(/^line 6: published_at: expected ISO 8601 with \+08:00/),
    ]);
    const [first, second] = result.articles;
    expect(first).toMatchObject({
      script: 'traditional',
      subheadings: [],
      removed: [],
      date: { iso: good.published_at, year: 2020, month: 1, day: 31, evidence: 'explicit' },
    });
    expect(first!.id).toMatch(/^[0-9a-f]{24}$/);
    expect(first!.path).toMatch(/articles\.jsonl$/);
    expect(second).toMatchObject({ id: 'given-id', script: 'simplified' });
  });

  it('takes back the articles it writes, the one without a title too', async () => {
    const articles = SEED_NAMES.map((n) => normalizeText(seedText(n), `corpus/${n}.txt`).article);
    const lines = articles.map((a) => JSON.stringify(a)).join('\n');
    const result = await normalizeFile(write('roundtrip.jsonl', lines));
    expect(result.warnings).toEqual([]);
    expect(result.articles).toEqual(articles);
  });

  it('refuses a date that contradicts published_at', async () => {
    const date = {
      iso: '2020-02-01T00:00:00+08:00',
      month: 2,
      day: 1,
      evidence: 'explicit',
      raw: 'x',
    };
    const result = await normalizeFile(write('dates.jsonl', JSON.stringify({ ...good, date })));
    expect(result.error).toBe('no valid article line (1 bad)');
    expect(result.warnings[0]).toMatch(/^line 1: published_at: published_at and date.iso differ/);
  });

  it('fails a file with no good line', async () => {
    const result = await normalizeFile(write('bad.jsonl', '{}\nnot json\n'));
    expect(result.error).toBe('no valid article line (2 bad)');
    expect(result.warnings).toHaveLength(2);
  });
});

describe('the normalize command', () => {
  async function run(paths: string[]) {
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks = { out: '', err: '' };
    out.on('data', (c) => (chunks.out += c));
    err.on('data', (c) => (chunks.err += c));
    const code = await runCli(paths, out, err);
    return { code, ...chunks };
  }

  it('writes articles as JSON lines and a per-file report; exit 0 when all files load', async () => {
    const seeds = Object.keys(SEED_FILES).map((n) => seedPath(n as keyof typeof SEED_FILES));
    const { code, out, err } = await run(seeds);
    expect(code).toBe(0);
    const articles = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Article);
    expect(articles.map((a) => a.source)).toEqual([
      '映象網',
      '中國新報',
      '河南日报客户端',
      '映象网',
      '鲁网',
    ]);
    expect(err).toMatch(/^ok {3}.*000_beaf62465669dfcc\.txt: 1 article$/m);
    expect(err).toMatch(/^warn .*001_9118d3cca54a3bb2\.txt: 1 article\n {5}- no title/m);
    expect(err).toMatch(/5 files: 4 ok, 1 with warnings, 0 failed; 5 articles\n$/);
  });

  it('exits 1 when a file failed, after writing the others', async () => {
    const empty = write('empty.txt', '');
    const { code, out, err } = await run([seedPath('002'), empty]);
    expect(code).toBe(1);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(`FAIL ${empty}: empty file`);
  });

  it('exits 2 without paths', async () => {
    const { code, err } = await run([]);
    expect(code).toBe(2);
    expect(err).toMatch(/^usage:/);
  });
});
