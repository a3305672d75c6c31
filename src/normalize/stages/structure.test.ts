import { draftFromLines, runStages } from '../draft';
import { stripPinyinAnnotations } from './artifacts';
import {
  containment,
  dropDuplicateParagraphs,
  dropRepeatedTitle,
  extractCaptionsAfterImageAlt,
  extractCaptionsRepeatedInNextParagraph,
  extractPhotoCaptions,
  extractSubheadings,
  sameText,
  extractCreditCaptions,
} from './structure';
import { seedDraft, seedLine } from '../../../tests/fixtures/seeds';
import { kinds, texts } from '../../../tests/support/stages';

describe('sameText', () => {
  it('compares across scripts and spacing', () => {
    expect(sameText(seedLine('000', 1), seedLine('000', 17))).toBe(true);
    expect(sameText('黨員 幹部', '党员干部')).toBe(true);
    expect(sameText('党员干部', '党员群众')).toBe(false);
  });
});

describe('extractCaptionsAfterImageAlt and dropRepeatedTitle', () => {
  it("turn seed 000's repeated Simplified headline into a photo and its caption", () => {
    const draft = { ...seedDraft('000', [15, 17, 19, 21]), title: seedLine('000', 1) };
    const d = runStages([extractCaptionsAfterImageAlt, dropRepeatedTitle], draft);
    expect(texts(d)).toEqual([seedLine('000', 15), seedLine('000', 19), seedLine('000', 21)]);
    expect(kinds(d)).toEqual(['paragraph', 'caption', 'paragraph']);
    expect(d.removed).toEqual([{ stage: 'dropRepeatedTitle', text: seedLine('000', 17) }]);
  });

  it('do nothing without a title', () => {
    const draft = seedDraft('000', [15, 17, 19]);
    expect(extractCaptionsAfterImageAlt.run(draft)).toBe(draft);
    expect(dropRepeatedTitle.run(draft)).toBe(draft);
  });
});

describe('extractPhotoCaptions', () => {
  it("marks seed 001's lines that place people in a photo (右二)", () => {
    const d = runStages(
      [stripPinyinAnnotations, extractPhotoCaptions],
      seedDraft('001', [3, 4, 5, 9]),
    );
    expect(kinds(d)).toEqual(['paragraph', 'caption', 'paragraph', 'caption']);
  });

  it('marks a caption that ends with a bracketed note', () => {
    const d = extractPhotoCaptions.run(draftFromLines(['图为开通仪式现场。(左三为市长)']));
    expect(kinds(d)).toEqual(['caption']);
  });

  it('leaves a long paragraph with a position mark as body', () => {
    const text = '他站在队伍里(右二)。随后大家一起出发。又走了很远。';
    expect(kinds(extractPhotoCaptions.run(draftFromLines([text])))).toEqual(['paragraph']);
  });
});

describe('extractCaptionsRepeatedInNextParagraph', () => {
  it("marks seed 001's caption that the next paragraph retells", () => {
    const d = runStages(
      [stripPinyinAnnotations, extractCaptionsRepeatedInNextParagraph],
      seedDraft('001', [17, 18, 19]),
    );
    expect(kinds(d)).toEqual(['paragraph', 'caption', 'paragraph']);
    expect(containment(texts(d)[1]!, texts(d)[2]!)).toBeGreaterThan(0.9);
  });

  it("leaves seed 004's one-sentence transition as body", () => {
    const d = extractCaptionsRepeatedInNextParagraph.run(seedDraft('004', [13, 14]));
    expect(kinds(d)).toEqual(['paragraph', 'paragraph']);
  });
});

describe('dropDuplicateParagraphs', () => {
  it('drops a paragraph printed twice in a row, also across scripts', () => {
    const line = seedLine('000', 5);
    const d = dropDuplicateParagraphs.run(
      draftFromLines([line, line, '荥阳是个好地方。', '滎陽是個好地方。', line]),
    );
    expect(texts(d)).toEqual([line, '荥阳是个好地方。', line]);
  });
});

describe('extractSubheadings', () => {
  it('marks the section headings of seeds 000 and 002', () => {
    expect(kinds(extractSubheadings.run(seedDraft('000', [7, 9, 11])))).toEqual([
      'paragraph',
      'subheading',
      'paragraph',
    ]);
    expect(kinds(extractSubheadings.run(seedDraft('002', [19, 21, 23])))).toEqual([
      'paragraph',
      'subheading',
      'paragraph',
    ]);
  });

  it("keeps seed 003's one-line section leads, which are sentences, as body", () => {
    expect(kinds(extractSubheadings.run(seedDraft('003', [9, 11, 13])))).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
    ]);
  });
});

describe('extractCreditCaptions', () => {
  it('makes photo-credited lines captions and leaves body text alone', () => {
    const d = extractCreditCaptions.run(
      draftFromLines([
        '这是在湖北宜昌拍摄的长江三峡段(2020年3月23日摄)。新华社记者 肖艺九 摄',
        '招聘会现场。(县人社局 供图)',
        '(图片来源:中国载人航天工程办公室)',
        '三年来,长江流域国控断面优良水质比例逐步提高。',
      ]),
    );
    expect(d.blocks.map((b) => b.kind)).toEqual(['caption', 'caption', 'caption', 'paragraph']);
  });
});
