// Bytes to text: UTF-8, GB18030/GBK or Big5, detected by chardet and checked before it is trusted.
//
// chardet's guess alone is not enough: on a short page it ranks Big5 or EUC-JP first for GBK
// text, and GB18030 decodes almost any Big5 byte string without an error. So every candidate is
// decoded, decodes with invalid sequences are rejected, and the survivors are ranked by how many
// of their Han characters are common ones (the first tier of Big5 plus the first level of
// GB2312): the right decode reads ~95% common characters, a wrong one about half.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded =
  { ok: true; text: string; encoding: string; warnings: string[] } | { ok: false; error: string };

type Legacy = 'GB18030' | 'Big5';
const LEGACY: readonly Legacy[] = ['GB18030', 'Big5'];

/** Below this share of common characters a decode is not taken for Chinese text. */
export const MIN_COMMON_SHARE = 0.6;

let common: Set<string> | undefined;

/** The frequently used Han characters, read from the encodings' own frequency tiers. */
function commonChars(): Set<string> {
  if (common) return common;
  common = new Set();
  const add = (encoding: string, leads: [number, number], trails: [number, number][]) => {
    for (let lead = leads[0]; lead <= leads[1]; lead++)
      for (const [from, to] of trails)
        for (let trail = from; trail <= to; trail++) {
          const ch = iconv.decode(Buffer.from([lead, trail]), encoding);
          if (ch.length === 1 && ch !== '\ufffd') common!.add(ch);
        }
  };
  // Big5 A440-C67E: the 5,401 frequently used characters; GB2312 B0A1-D7FE: its level 1.
  add(
    'big5',
    [0xa4, 0xc6],
    [
      [0x40, 0x7e],
      [0xa1, 0xfe],
    ],
  );
  add('gb18030', [0xb0, 0xd7], [[0xa1, 0xfe]]);
  return common;
}

const HAN = /\p{Script=Han}/u;
// U+FFFD marks an invalid sequence; private-use characters are user-defined code points that
// a wrong decode lands on.
const INVALID = /[\ufffd\ue000-\uf8ff]/gu;

interface Attempt {
  encoding: Legacy;
  text: string;
  invalid: number;
  commonShare: number;
}

function attempt(buf: Uint8Array, encoding: Legacy): Attempt {
  const text = iconv.decode(Buffer.from(buf), encoding);
  const invalid = text.match(INVALID)?.length ?? 0;
  const set = commonChars();
  let han = 0;
  let hits = 0;
  for (const ch of text)
    if (HAN.test(ch)) {
      han++;
      if (set.has(ch)) hits++;
    }
  return { encoding, text, invalid, commonShare: han === 0 ? 1 : hits / han };
}

/** Strict UTF-8 (a byte order mark is dropped), or undefined for any invalid sequence. */
function strictUtf8(buf: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/** How many bytes at the end start a UTF-8 sequence that the file does not finish (0 if none). */
function unfinishedUtf8Tail(buf: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, buf.length); k++) {
    const b = buf[buf.length - k]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

function isBinary(buf: Uint8Array): boolean {
  const sample = buf.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  return control / sample.length > 0.05;
}

function done(text: string, encoding: string, warnings: string[] = []): Decoded {
  if (text.trim() === '') return { ok: false, error: 'empty file (only whitespace)' };
  return { ok: true, text, encoding, warnings };
}

/** The legacy encodings in chardet's order, then the ones it did not name. */
function chardetOrder(buf: Uint8Array): { order: Legacy[]; guess?: string; confidence?: number } {
  const matches = chardet.analyse(buf);
  const named = matches
    .map((m) => m.name)
    .filter((n): n is Legacy => (LEGACY as readonly string[]).includes(n));
  const order = [...new Set([...named, ...LEGACY])];
  return { order, guess: matches[0]?.name, confidence: matches[0]?.confidence };
}

/** Decodes without invalid sequences, most plausible first (chardet's order breaks ties). */
function cleanDecodes(buf: Uint8Array, order: Legacy[]): Attempt[] {
  return order
    .map((e) => attempt(buf, e))
    .filter((a) => a.invalid === 0)
    .sort((a, b) => b.commonShare - a.commonShare);
}

/** Decodes a file's bytes, or says why it cannot (empty, binary, truncated, undecodable). */
export function decodeBuffer(buf: Uint8Array): Decoded {
  if (buf.length === 0) return { ok: false, error: 'empty file' };
  for (const [b0, b1, enc] of [
    [0xff, 0xfe, 'utf-16le'],
    [0xfe, 0xff, 'utf-16be'],
  ] as const) {
    if (buf[0] === b0 && buf[1] === b1) {
      try {
        return done(new TextDecoder(enc, { fatal: true }).decode(buf.subarray(2)), enc);
      } catch {
        return { ok: false, error: `truncated or invalid ${enc.toUpperCase()} text` };
      }
    }
  }
  if (isBinary(buf)) return { ok: false, error: 'binary file (NUL or control bytes)' };

  // Valid UTF-8 is UTF-8: GB18030 or Big5 text of any length almost never is.
  const utf8 = strictUtf8(buf);
  if (utf8 !== undefined) return done(utf8, 'UTF-8');
  const tail = unfinishedUtf8Tail(buf);
  if (tail > 0 && strictUtf8(buf.subarray(0, buf.length - tail)) !== undefined)
    return { ok: false, error: 'truncated: ends inside a UTF-8 character' };

  const { order, guess, confidence } = chardetOrder(buf);
  const [best] = cleanDecodes(buf, order);
  const warnings: string[] = [];
  if (best && guess !== best.encoding)
    warnings.push(
      `encoding: chardet guessed ${guess ?? 'nothing'} (confidence ${confidence ?? 0}),` +
        ` decoded as ${best.encoding}, the most plausible valid decode`,
    );
  if (best && best.commonShare >= MIN_COMMON_SHARE) return done(best.text, best.encoding, warnings);
  // No plausible decode: a file cut inside a two- or four-byte character decodes well without
  // its last bytes.
  for (let cut = 1; cut <= 3 && cut < buf.length; cut++) {
    const [shorter] = cleanDecodes(buf.subarray(0, buf.length - cut), order);
    if (shorter && shorter.commonShare >= MIN_COMMON_SHARE)
      return { ok: false, error: `truncated: ends inside a ${shorter.encoding} character` };
  }
  if (best) {
    const share = Math.round(best.commonShare * 100);
    warnings.push(
      `encoding: ${best.encoding} is the best valid decode but reads as unusual text` +
        ` (${share}% common characters)`,
    );
    return done(best.text, best.encoding, warnings);
  }
  const detail = order
    .map((e) => attempt(buf, e))
    .map((a) => `${a.encoding}: ${a.invalid} invalid sequences`)
    .join(', ');
  return { ok: false, error: `cannot decode as UTF-8, GB18030 or Big5 (${detail})` };
}
