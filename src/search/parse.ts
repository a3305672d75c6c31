// The query language of `q`: words, "exact phrases", -exclusions and OR.
// Pure; whatever the user types becomes words and phrases, never engine syntax.

/** A word (its bigrams may be scattered through a field) or an exact phrase. */
export interface Term {
  kind: 'word' | 'phrase';
  text: string;
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any one of its terms does (terms joined by OR). */
  groups: Term[][];
  /** No result may contain any of these. */
  excluded: Term[];
}

type Token = { type: 'or' } | { type: 'term'; term: Term; negated: boolean };

/** Opening quote -> the quotes that close it: ASCII quotes and the CJK ones people type. */
const CLOSING_QUOTES: Record<string, string> = { '"': '"', '“': '”"', '「': '」"' };
const SPACE = /\s/u;
/** What a minus is typed as: ASCII, and what Chinese keyboards give for the same key (the
 * full-width －, the em dash that Shift+- types as ——, and the other dashes). */
const MINUS = new Set(['-', '－', '—', '–', '−', '﹣']);
/** OR in any case: a Chinese keyboard types lower case, and `or` is no word to search a
 * Chinese archive for. */
const OR = /^or$/i;
/** A term needs a letter or digit: punctuation alone analyzes to nothing and would match nothing. */
export const SEARCHABLE = /[\p{L}\p{N}]/u;

/** Splits q into terms, phrases and OR operators; an unclosed quote runs to the end of q. */
export function tokenize(q: string): Token[] {
  const chars = Array.from(q);
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    if (SPACE.test(chars[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    if (MINUS.has(chars[i]!)) {
      negated = true;
      // —— (two em dashes) is one keystroke on a Chinese keyboard.
      while (i < chars.length && MINUS.has(chars[i]!)) i++;
      // A lone "-" negates nothing.
      if (i >= chars.length || SPACE.test(chars[i]!)) continue;
    }
    const closers = CLOSING_QUOTES[chars[i]!];
    if (closers !== undefined) {
      const start = ++i;
      while (i < chars.length && !closers.includes(chars[i]!)) i++;
      const text = chars.slice(start, i).join('').trim().replace(/\s+/gu, ' ');
      i++;
      tokens.push({ type: 'term', term: { kind: 'phrase', text }, negated });
      continue;
    }
    const start = i;
    while (i < chars.length && !SPACE.test(chars[i]!) && CLOSING_QUOTES[chars[i]!] === undefined)
      i++;
    const text = chars.slice(start, i).join('');
    if (OR.test(text) && !negated) tokens.push({ type: 'or' });
    else tokens.push({ type: 'term', term: { kind: 'word', text }, negated });
  }
  return tokens;
}

/** Parses q; OR binds the positive terms on either side of it, everything else is ANDed. */
export function parseQuery(q: string): ParsedQuery {
  const groups: Term[][] = [];
  const excluded: Term[] = [];
  // True when the previous token was a positive term that a following OR may join.
  let joinable = false;
  let pendingOr = false;
  for (const token of tokenize(q)) {
    if (token.type === 'or') {
      pendingOr = joinable;
      continue;
    }
    const { term, negated } = token;
    if (!SEARCHABLE.test(term.text)) continue;
    if (negated) {
      excluded.push(term);
      joinable = false;
    } else {
      if (pendingOr) groups[groups.length - 1]!.push(term);
      else groups.push([term]);
      joinable = true;
    }
    pendingOr = false;
  }
  return { groups, excluded };
}

/** How many terms a parsed query holds, to bound the size of what is sent to the engine. */
export function countTerms(parsed: ParsedQuery): number {
  return parsed.groups.reduce((n, g) => n + g.length, 0) + parsed.excluded.length;
}
