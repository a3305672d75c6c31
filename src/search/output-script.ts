// The output-script option: converts titles and highlighted fragments with OpenCC,
// leaving markup (<mark> tags, HTML entities) exactly as the engine wrote it.
import * as OpenCC from 'opencc-js';

export const OUTPUT_SCRIPTS = [
  'original',
  'simplified',
  'traditional',
  'taiwan',
  'hongkong',
] as const;
export type OutputScript = (typeof OUTPUT_SCRIPTS)[number];

/**
 * OpenCC directions per target. Converting from Simplified leaves Traditional characters as they
 * are, so one direction serves articles in either script; the Simplified target reads Taiwan
 * forms, which also covers OpenCC-standard Traditional (著想 -> 着想, where t -> cn keeps 著).
 */
const DIRECTIONS: Record<Exclude<OutputScript, 'original'>, OpenCC.ConverterOptions> = {
  simplified: { from: 'tw', to: 'cn' },
  traditional: { from: 'cn', to: 't' },
  taiwan: { from: 'cn', to: 'tw' },
  hongkong: { from: 'cn', to: 'hk' },
};

const converters = new Map<OutputScript, (text: string) => string>();

/** The converter for a target, built on first use (building loads OpenCC's dictionaries). */
export function converterFor(target: OutputScript): (text: string) => string {
  let convert = converters.get(target);
  if (!convert) {
    convert = target === 'original' ? (text) => text : OpenCC.Converter(DIRECTIONS[target]);
    converters.set(target, convert);
  }
  return convert;
}

export function convertText(text: string, target: OutputScript): string {
  return target === 'original' ? text : converterFor(target)(text);
}

/** The only markup in a fragment: the highlight tags and the entities of the HTML encoder. */
const MARKUP = /(<\/?mark>|&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);)/;

/**
 * Converts the text of an HTML fragment and keeps its markup. The text is converted as a whole,
 * so that phrases split by a <mark> boundary (乾<mark>隆</mark>) convert as phrases; an entity
 * stands in as a space. If conversion changed the length, positions no longer line up and each
 * text piece is converted on its own instead.
 */
export function convertHtml(html: string, target: OutputScript): string {
  return target === 'original' ? html : convertKeepingMarkup(html, converterFor(target));
}

export function convertKeepingMarkup(html: string, convert: (text: string) => string): string {
  // split with a capturing group: even indices are text, odd ones markup.
  const parts = html.split(MARKUP);
  const isEntity = (part: string) => part.startsWith('&');
  const plain = parts.map((p, i) => (i % 2 === 0 ? p : isEntity(p) ? ' ' : '')).join('');
  const converted = convert(plain);
  if (converted.length !== plain.length) {
    return parts.map((p, i) => (i % 2 === 0 ? convert(p) : p)).join('');
  }
  let at = 0;
  return parts
    .map((p, i) => {
      if (i % 2 === 1) {
        if (isEntity(p)) at += 1;
        return p;
      }
      const piece = converted.slice(at, at + p.length);
      at += p.length;
      return piece;
    })
    .join('');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '/': '&#x2F;',
};

/** Escapes text the way the engine's `html` highlight encoder does, for text with no highlight. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'/]/g, (c) => ESCAPES[c]!);
}
