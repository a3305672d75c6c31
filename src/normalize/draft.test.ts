// The stage helpers that other stages are made of.
import { draftFromLines, dropBlocks, markBlocks } from './draft';

describe('markBlocks', () => {
  const lines = ['标题', '图为现场', '正文第一段。'];

  it('gives the matching blocks the kind and records nothing as removed', () => {
    const stage = markBlocks('markPhoto', 'caption', (b) => b.text.startsWith('图为'));
    const out = stage.run(draftFromLines(lines));
    expect(out.blocks.map((b) => b.kind)).toEqual(['paragraph', 'caption', 'paragraph']);
    expect(out.removed).toEqual([]);
  });

  it('judges each block on the blocks before the stage, and returns the draft when none match', () => {
    // Every block after a paragraph: judged on the old kinds, so the third is marked too.
    const afterParagraph = markBlocks(
      'afterParagraph',
      'subheading',
      (_b, i, all) => i > 0 && all[i - 1]!.kind === 'paragraph',
    );
    const draft = draftFromLines(lines);
    expect(afterParagraph.run(draft).blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'subheading',
      'subheading',
    ]);
    expect(markBlocks('none', 'caption', () => false).run(draft)).toBe(draft);
  });
});

describe('dropBlocks', () => {
  it('removes the matching blocks and records each under the stage name', () => {
    const out = dropBlocks('dropShare', (text) => text === '分享到').run(
      draftFromLines(['正文。', '分享到']),
    );
    expect(out.blocks.map((b) => b.text)).toEqual(['正文。']);
    expect(out.removed).toEqual([{ stage: 'dropShare', text: '分享到' }]);
  });
});
