// Stages that clean the text inside lines: width, spacing and scraping debris.
import { JSDOM } from 'jsdom';
import { mapText, stripFragments } from '../draft';

/** Full-width ASCII letters and digits (ＡＢＣ１２３) to half-width; CJK punctuation stays. */
export const foldFullWidthAlnum = mapText('foldFullWidthAlnum', (text) => ({
  text: text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)),
  removed: [],
}));

/** No-break, ideographic and other Unicode spaces to one ASCII space; runs of spaces to one. */
export const normalizeSpaces = mapText('normalizeSpaces', (text) => ({
  text: text.replace(/[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+/g, ' '),
  removed: [],
}));

/** Leading indentation (and trailing spaces) of each line. */
export const trimIndentation = mapText('trimIndentation', (text) => ({
  text: text.trim(),
  removed: [],
}));

// A tag such as <span class="x">, </p> or <br/>, or an entity such as &nbsp; &#8220; &amp;.
const HTML_FRAGMENT =
  /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/g;

/**
 * Stray tags and entities left in scraped text. The HTML parser (jsdom) decides what they mean;
 * the pattern only finds the lines that need it and names what went.
 */
export const stripHtmlFragments = mapText('stripHtmlFragments', (text) => {
  const found = text.match(HTML_FRAGMENT);
  if (!found) return { text, removed: [] };
  const parsed = JSDOM.fragment(text).textContent ?? '';
  const tags = found.filter((f) => f.startsWith('<'));
  return { text: parsed.replace(/\u00a0/g, ' '), removed: tags };
});

/**
 * Mojibake: U+FFFD replacement characters, and closing tags whose "<" was lost in a wrong
 * conversion, with the question and exclamation marks that the same conversion mangled before
 * them (seed 004: 无怨无悔?!?/span>).
 */
export const stripMojibake = stripFragments(
  'stripMojibake',
  /[?!]*\?\/[a-zA-Z][a-zA-Z0-9]*>|\ufffd+/g,
);

/** Cloudflare's e-mail obfuscation placeholder, "[email protected]". */
export const stripEmailPlaceholders = stripFragments(
  'stripEmailPlaceholders',
  /\[email(?:\s|&nbsp;|&#160;)*protected\]/gi,
);

const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

/**
 * Pinyin readings printed after a character, 報(bào)訊 → 報訊. Only a tone-marked syllable
 * right after a Han character counts, so 湖北(武漢) and (N95) stay.
 */
export const stripPinyinAnnotations = stripFragments(
  'stripPinyinAnnotations',
  /(?<=\p{Script=Han})[(\uFF08]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7})[)\uFF09]/gu,
  (match, syllable) => (TONE_MARK.test(syllable ?? '') ? '' : match),
);

/** List bullets at the start of a line ("  • 来源:", "- 标题2022-08-29"). */
export const stripBulletMarks = stripFragments('stripBulletMarks', /^\s*[•·●○■□▪▫◆◇►▶‣⁃*-]\s+/g);
