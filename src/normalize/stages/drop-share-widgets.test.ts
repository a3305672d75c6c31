// The example stage's own test: the shape every new stage's test can follow.
import { draftFromLines } from '../draft';
import { dropShareWidgets } from './drop-share-widgets';
import { seedDraft, seedLine } from '../../../tests/fixtures/seeds';

describe('dropShareWidgets', () => {
  it("removes seed 000's share bar and records it", () => {
    const d = dropShareWidgets.run(seedDraft('000', [61, 66]));
    expect(d.blocks.map((b) => b.text)).toEqual([seedLine('000', 61)]);
    expect(d.removed).toEqual([{ stage: 'dropShareWidgets', text: '分享到:' }]);
  });

  it('removes a bar that lists networks', () => {
    const d = dropShareWidgets.run(draftFromLines(['分享到: 微信 微博 QQ空间']));
    expect(d.blocks).toEqual([]);
  });

  it('keeps a sentence that starts with 分享到', () => {
    const d = draftFromLines(['分享到朋友圈后,他收到了很多鼓励。']);
    expect(dropShareWidgets.run(d)).toBe(d);
  });
});
