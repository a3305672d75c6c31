// Fragments that start where a reader would. Pure.
//
// The engine's unified highlighter cuts a paragraph into sentences and joins them into
// passages of at most its fragment size; a sentence longer than that is re-cut at a "word"
// boundary, which in Chinese is any character, so such a passage can start on a comma or
// mid-clause (,發揮好先鋒模範作用…). The engine is therefore asked for long passages
// (ENGINE_FRAGMENT_SIZE: whole sentences nearly always), and each is cut here to the shown size
// around its first match: at a sentence start when the match is near one, else at a clause
// start, with "…" wherever the shown text begins or ends inside a sentence. How the sizes were
// chosen: bench/fragments.ts and its results (bench/results/fragments.md).

/** Ends a sentence; closing quotes and brackets after it stay with the sentence. */
const SENTENCE_END = new Set(Array.from('。！？!?…'));
/** Ends a clause inside a sentence. The enumeration comma 、 separates words, not clauses. */
const CLAUSE_END = new Set(Array.from('，,；;：:'));
/** Closes a quote or bracket: belongs to the sentence or clause before it. */
const CLOSING = new Set(Array.from('”’」』）)》〉】"\''));
const SPACE = /\s/u;

export const ELLIPSIS = '…';

/** A piece of the highlighter's HTML: a <mark> tag, or one character of text (an entity of
 * the html encoder counts as the character it stands for). */
interface Token {
  html: string;
  /** The character, for text; undefined for a tag. */
  char?: string;
  marked: boolean;
}

const TOKEN = /<\/?mark>|&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[\s\S]/gu;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(entity: string): string {
  const body = entity.slice(1, -1);
  if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
  if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
  return NAMED[body] ?? '?';
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let marked = false;
  for (const [piece] of html.matchAll(TOKEN)) {
    if (piece === '<mark>' || piece === '</mark>') {
      marked = piece === '<mark>';
      tokens.push({ html: piece, marked });
    } else {
      const char = piece.length > 1 && piece.startsWith('&') ? decodeEntity(piece) : piece;
      tokens.push({ html: piece, char, marked });
    }
  }
  return tokens;
}

/** Punctuation or space that a fragment should not start with. */
function isLeadingJunk(char: string): boolean {
  return SENTENCE_END.has(char) || CLAUSE_END.has(char) || CLOSING.has(char) || SPACE.test(char);
}

/** Where the fragment was cut, as positions in its characters. */
export interface Cut {
  start: number;
  end: number;
  /** The shown text begins or ends inside a sentence. */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * Chooses the shown window of a passage of characters `chars` (the first `firstMark` ..
 * `firstMarkEnd` are the first match; -1 when nothing matched). `startsCut` says the passage
 * itself begins inside a sentence.
 */
export function chooseWindow(
  chars: readonly string[],
  firstMark: number,
  firstMarkEnd: number,
  size: number,
  startsCut: boolean,
): Cut {
  const n = chars.length;
  // Does the passage end a sentence? If not, the engine cut it inside one (or the paragraph
  // ends without punctuation, which the engine does not tell apart).
  let last = n - 1;
  while (last >= 0 && (CLOSING.has(chars[last]!) || SPACE.test(chars[last]!))) last--;
  const endsSentence = last >= 0 && SENTENCE_END.has(chars[last]!);
  if (n <= size) return { start: 0, end: n, cutStart: startsCut, cutEnd: !endsSentence };

  const anchor = Math.max(firstMark, 0);
  const anchorEnd = Math.max(firstMarkEnd, anchor);
  // Text before the match, at most: the rest of the window follows it.
  const lead = Math.floor(size * 0.6);
  // Sentence and clause starts at or before the match: just after an end mark (and the
  // closing quotes and spaces after it).
  const sentenceStarts: number[] = startsCut ? [] : [0];
  const clauseStarts: number[] = startsCut ? [0] : [];
  for (let i = 0; i < anchor; i++) {
    const c = chars[i]!;
    if (!SENTENCE_END.has(c) && !CLAUSE_END.has(c)) continue;
    let j = i + 1;
    while (
      j < n &&
      (CLOSING.has(chars[j]!) || SPACE.test(chars[j]!) || SENTENCE_END.has(chars[j]!))
    )
      j++;
    if (j > anchor) continue;
    (SENTENCE_END.has(c) ? sentenceStarts : clauseStarts).push(j);
  }
  // The sentence the match is in, if the match is near enough its start; else the earliest
  // clause start (after that sentence's start) near enough; else a cut inside the clause.
  const sentence = sentenceStarts[sentenceStarts.length - 1];
  let start: number;
  let cutStart: boolean;
  if (sentence !== undefined && anchor - sentence <= lead) {
    start = sentence;
    cutStart = false;
  } else {
    const clause = clauseStarts.find((c) => c >= (sentence ?? 0) && anchor - c <= lead);
    start = clause ?? Math.max(0, anchor - Math.floor(size / 3));
    cutStart = start > 0 || startsCut;
  }

  let end = Math.min(n, start + size);
  if (end >= n) return { start, end: n, cutStart, cutEnd: !endsSentence };
  end = Math.max(end, anchorEnd);
  // The last sentence end in the window after the match, else the last clause end, else a
  // cut; an end that would leave the window less than a third full is passed over.
  const least = Math.max(anchorEnd, start + Math.floor(size / 3));
  let sentenceEnd = -1;
  let clauseEnd = -1;
  for (let i = anchorEnd; i < end; i++) {
    const c = chars[i]!;
    if (SENTENCE_END.has(c) && i + 1 >= least) sentenceEnd = i + 1;
    else if (CLAUSE_END.has(c) && i >= least) clauseEnd = i;
  }
  if (sentenceEnd > 0) {
    while (sentenceEnd < n && CLOSING.has(chars[sentenceEnd]!)) sentenceEnd++;
    return { start, end: sentenceEnd, cutStart, cutEnd: false };
  }
  return { start, end: clauseEnd > 0 ? clauseEnd : end, cutStart, cutEnd: true };
}

/**
 * The passage `html` (the highlighter's HTML: <mark> and entities) cut to about `size`
 * characters around its first match, starting at a sentence or clause start without leading
 * punctuation, with ELLIPSIS where it begins or ends inside a sentence. Marks stay whole.
 */
export function readableFragment(html: string, size: number): string {
  const tokens = tokenize(html);
  // A passage that starts on punctuation was cut inside a sentence, just before a clause mark.
  let first = 0;
  while (first < tokens.length) {
    const t = tokens[first]!;
    if (t.char === undefined || t.marked || !isLeadingJunk(t.char)) break;
    first++;
  }
  const startsCut = first > 0;
  const text = tokens.slice(first).filter((t) => t.char !== undefined);
  const tokenAt: number[] = [];
  tokens.forEach((t, i) => {
    if (i >= first && t.char !== undefined) tokenAt.push(i);
  });
  const chars = text.map((t) => t.char!);
  const firstMark = text.findIndex((t) => t.marked);
  let firstMarkEnd = firstMark;
  while (firstMarkEnd >= 0 && firstMarkEnd < text.length && text[firstMarkEnd]!.marked)
    firstMarkEnd++;
  const cut = chooseWindow(chars, firstMark, firstMarkEnd, size, startsCut);
  // A window never ends inside a mark: extend it to the mark's end.
  let end = cut.end;
  while (end < text.length && end > 0 && text[end - 1]!.marked && text[end]!.marked) end++;
  if (cut.start >= end) return html;
  // Tokens from the window's first to last character, with the <mark> right before the first
  // and the </mark> right after the last.
  let from = tokenAt[cut.start]!;
  while (from > first && tokens[from - 1]!.html === '<mark>') from--;
  let to = tokenAt[end - 1]!;
  while (to + 1 < tokens.length && tokens[to + 1]!.html === '</mark>') to++;
  const body = tokens
    .slice(from, to + 1)
    .map((t) => t.html)
    .join('');
  return `${cut.cutStart ? ELLIPSIS : ''}${body}${cut.cutEnd ? ELLIPSIS : ''}`;
}
