// THE EXAMPLE STAGE: copy this file to add a rule for a new site.
//
// A stage is a named, pure function from a draft to a draft (see ../draft.ts). Most rules are one
// of four shapes, each with a helper in ../draft.ts (the first three record what they removed in
// `article.removed`):
//   dropBlocks(name, isChrome)       removes whole lines (this file);
//   stripFragments(name, pattern)    removes pieces of lines (e.g. ./artifacts.ts);
//   cutFrom(name, startsChrome)      removes a line and everything after it (footers);
//   markBlocks(name, kind, matches)  makes lines captions or subheadings (./structure.ts).
// Rules that fill metadata write their own `run` (see ./metadata.ts).
//
// To add one: write it in its own file or next to its family, give it a name that says what it
// removes or extracts, test it on a seed line (a `<stage>.test.ts` beside it; cleanSeed and
// texts in tests/support/stages.ts give the line as the stage sees it), and put it in the
// registry list in ./registry.ts where it belongs in the order (registry.test.ts finds every
// stage this folder exports and fails until it is there).
import { dropBlocks, isProse, visibleLength } from '../draft';

// Share bars read "分享到:" followed by nothing or by the names of networks. A sentence that
// happens to start with 分享到 is longer and has a sentence end, so it is left alone.
const SHARE_BAR = /^(?:分享到|分享至|分享本文)\s*[:\uFF1A]?/;

export const dropShareWidgets = dropBlocks(
  'dropShareWidgets',
  (text) => SHARE_BAR.test(text) && !isProse(text) && visibleLength(text) <= 40,
);
