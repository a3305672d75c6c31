// Script of a text (Traditional, Simplified or mixed) and folding to one script, via OpenCC.
import * as OpenCC from 'opencc-js';
import type { Script } from '../article';

type Convert = (text: string) => string;

const toSimplified: Convert = OpenCC.Converter({ from: 't', to: 'cn' });
// Taiwan standard rather than OpenCC's "orthodox" forms: 群, 峰, 床 stay as written in Traditional
// text instead of counting as Simplified evidence.
const toTraditional: Convert = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Folds Traditional characters to Simplified, so both spellings of a text compare equal. */
export function foldScript(text: string): string {
  return toSimplified(text);
}

/** How many characters a conversion changes: the evidence for the other script. */
function changedChars(text: string, convert: Convert): number {
  const a = [...text];
  const b = [...convert(text)];
  // Phrase conversions keep the length; if one did not, judge character by character.
  if (a.length !== b.length) return a.filter((ch) => convert(ch) !== ch).length;
  return a.reduce((n, ch, i) => (ch !== b[i] ? n + 1 : n), 0);
}

/** Share of the minority script's evidence under which a text still counts as one script. */
export const MIXED_THRESHOLD = 0.1;

/**
 * Traditional-only characters change when folded to Simplified and Simplified-only ones when
 * converted to Traditional; characters shared by both scripts are no evidence. A text with no
 * distinguishing character, or a large share of both, is 'mixed'.
 */
export function detectScript(text: string): Script {
  const traditional = changedChars(text, toSimplified);
  const simplified = changedChars(text, toTraditional);
  const total = traditional + simplified;
  if (total === 0) return 'mixed';
  if (simplified / total <= MIXED_THRESHOLD) return 'traditional';
  if (traditional / total <= MIXED_THRESHOLD) return 'simplified';
  return 'mixed';
}
