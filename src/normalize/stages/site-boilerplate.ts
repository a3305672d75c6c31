// Lines the other pages of the same folder repeat, at the edges of the story: the site's.
import { lineKey } from '../boilerplate';
import type { Block, Draft, Stage } from '../draft';
import { isProse, visibleLength } from '../draft';
import { parseCredit, parseDateline } from './grammar';

// Metadata repeats across a site's pages too ("来源:映象网", "作者:admin"): the metadata stages
// read it; it is never dropped as boilerplate.
const METADATA =
  /来源|來源|作者|编辑|編輯|责编|責編|记者|記者|通讯员|通訊員|时间|時間|日期|\d{4}\s*[-/.年]/;

const isOwnProse = (b: Block, repeated: ReadonlySet<string>) =>
  !repeated.has(lineKey(b.text)) && isProse(b.text) && visibleLength(b.text) >= 10;

/**
 * Drops the lines that the folder's other pages repeat, above the story's first sentence of its
 * own and below its last. A page with no sentence of its own is a copy of another page (a
 * syndicated story): nothing on it is judged.
 */
export const dropSiteBoilerplate: Stage = {
  name: 'dropSiteBoilerplate',
  run(draft: Draft): Draft {
    const repeated = draft.repeatedLines;
    if (!repeated || repeated.size === 0) return draft;
    const blocks = draft.blocks;
    const first = blocks.findIndex((b) => isOwnProse(b, repeated));
    if (first < 0) return draft;
    let last = blocks.length - 1;
    while (!isOwnProse(blocks[last]!, repeated)) last--;
    const drop = (b: Block, i: number) =>
      (i < first || i > last) &&
      repeated.has(lineKey(b.text)) &&
      !METADATA.test(b.text) &&
      !parseDateline(b.text) &&
      !parseCredit(b.text);
    const removed = blocks
      .filter(drop)
      .map((b) => ({ stage: 'dropSiteBoilerplate', text: b.text }));
    if (removed.length === 0) return draft;
    return {
      ...draft,
      blocks: blocks.filter((b, i) => !drop(b, i)),
      removed: [...draft.removed, ...removed],
    };
  },
};
