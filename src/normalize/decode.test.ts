// Encodings: the same article from UTF-8, GB18030/GBK and Big5 files; short samples; bad bytes.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../article';
import { normalizeFile } from './normalizer';
import { decodeBuffer } from './decode';
import { SEED_NAMES, type SeedName, seedText } from '../../tests/fixtures/seeds';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'normalize-encoding-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Characters an encoding cannot hold (no-break spaces, •, ©, Simplified in Big5) replaced. */
function encodable(text: string, encoding: string): string {
  return [...text]
    .map((ch) => {
      if (iconv.decode(iconv.encode(ch, encoding), encoding) === ch) return ch;
      const traditional = toTraditional(ch);
      if (iconv.decode(iconv.encode(traditional, encoding), encoding) === traditional)
        return traditional;
      return ch === '\u00a0' ? ' ' : '*';
    })
    .join('');
}

async function articleFrom(name: string, bytes: Uint8Array): Promise<Article> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const result = await normalizeFile(path);
  expect(result.error).toBeUndefined();
  return result.articles[0]!;
}

/** The article without its path, which differs by file name. */
const withoutPath = (a: Article) => ({ ...a, path: '' });

describe.each(SEED_NAMES)('seed %s', (name: SeedName) => {
  it('gives the same article from GB18030 as from UTF-8', async () => {
    const text = seedText(name);
    const utf8 = await articleFrom(`${name}-utf8.txt`, Buffer.from(text, 'utf8'));
    const gb = await articleFrom(`${name}-gb18030.txt`, iconv.encode(text, 'gb18030'));
    expect(withoutPath(gb)).toEqual(withoutPath(utf8));
  });

  it('gives the same article from GBK as from UTF-8', async () => {
    const text = encodable(seedText(name), 'gbk');
    const utf8 = await articleFrom(`${name}-gbk-utf8.txt`, Buffer.from(text, 'utf8'));
    const gbk = await articleFrom(`${name}-gbk.txt`, iconv.encode(text, 'gbk'));
    expect(withoutPath(gbk)).toEqual(withoutPath(utf8));
    expect(utf8.body.length).toBeGreaterThan(5);
  });
});

describe.each(['000', '001'] as SeedName[])('Traditional seed %s', (name) => {
  it('gives the same article from Big5 as from UTF-8', async () => {
    const text = encodable(seedText(name), 'big5');
    expect(text.includes('*')).toBe(false);
    const utf8 = await articleFrom(`${name}-big5-utf8.txt`, Buffer.from(text, 'utf8'));
    const big5 = await articleFrom(`${name}-big5.txt`, iconv.encode(text, 'big5'));
    expect(withoutPath(big5)).toEqual(withoutPath(utf8));
    expect(big5.script).toBe('traditional');
  });
});

describe('decodeBuffer on short samples', () => {
  // Every line of every seed with Han characters, as GB18030 and, where it fits, as Big5: chardet
  // alone misreads many of these (EUC-JP, KOI8-R, Big5 for GBK titles).
  const samples = SEED_NAMES.flatMap((name) =>
    seedText(name)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /\p{Script=Han}/u.test(l)),
  );

  it.each(['gb18030', 'big5'])('decodes every seed line written in %s', (encoding) => {
    let checked = 0;
    for (const line of samples) {
      const bytes = iconv.encode(line, encoding);
      if (iconv.decode(bytes, encoding) !== line) continue; // not representable
      checked++;
      const decoded = decodeBuffer(bytes);
      expect([line, decoded.ok && decoded.text]).toEqual([line, line]);
    }
    expect(checked).toBeGreaterThan(encoding === 'big5' ? 50 : 140);
  });

  it('reads the lines chardet misreads, and says it overruled chardet', () => {
    const misread = samples
      .map((line) => ({ line, bytes: iconv.encode(line, 'gb18030') }))
      .filter(({ bytes }) => chardet.detect(bytes) !== 'GB18030');
    expect(misread.length).toBeGreaterThan(3);
    for (const { line, bytes } of misread) {
      const decoded = decodeBuffer(bytes);
      expect(decoded).toMatchObject({ ok: true, text: line, encoding: 'GB18030' });
      expect(decoded.ok && decoded.warnings[0]).toMatch(/chardet guessed .* decoded as GB18030/);
    }
  });

  it('decodes a UTF-8 byte order mark and UTF-16', () => {
    const text = '滎陽:共產黨員';
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(decodeBuffer(bom)).toMatchObject({ ok: true, text, encoding: 'UTF-8' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeBuffer(utf16)).toMatchObject({ ok: true, text });
  });
});

describe('decodeBuffer on files that cannot be read as text', () => {
  const seed = seedText('000');
  const utf8 = Buffer.from(seed);
  // Just after the lead byte of a three-byte character.
  const insideUtf8 = utf8.findIndex((b, i) => i > 300 && b >= 0xe0) + 1;
  /** The seed up to 陽 of its first 滎陽, then that character's first byte only. */
  const cutInside = (encoding: string) => {
    const text = encodable(seed, encoding);
    const at = text.indexOf('陽', 10);
    const head = iconv.encode(text.slice(0, at), encoding);
    return Buffer.concat([head, iconv.encode('陽', encoding).subarray(0, 1)]);
  };

  it.each([
    ['an empty file', Buffer.alloc(0), /^empty file$/],
    ['only whitespace', Buffer.from(' \n\t\n'), /^empty file/],
    [
      'a PNG image',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /binary/,
    ],
    ['UTF-8 cut inside a character', utf8.subarray(0, insideUtf8), /truncated.*UTF-8/],
    ['GB18030 cut inside a character', cutInside('gb18030'), /truncated.*GB18030/],
    ['Big5 cut inside a character', cutInside('big5'), /truncated.*Big5/],
    [
      'bytes no encoding reads',
      Buffer.from(Array.from({ length: 60 }, (_, i) => (i % 2 ? 0x80 : 0xff))),
      /cannot decode/,
    ],
  ])('reports %s', (_what, bytes, reason) => {
    const decoded = decodeBuffer(bytes);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error).toMatch(reason);
  });
});
