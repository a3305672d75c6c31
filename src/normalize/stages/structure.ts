// Stages that sort the remaining lines into paragraphs, subheadings and captions.
import type { Stage } from '../draft';
import { dropBlocks, isProse, markBlocks, visibleLength } from '../draft';
import { foldScript } from '../detect-script';

/** A line compared across scripts and spacing: 滎陽:共產黨員 equals 荥阳: 共产党员. */
export function sameText(a: string, b: string): boolean {
  const key = (s: string) => foldScript(s.replace(/\s+/g, ''));
  return key(a) === key(b);
}

const SENTENCE_ENDS = /[。!?\uFF01\uFF1F]/g;
const sentenceEnds = (text: string) => text.match(SENTENCE_ENDS)?.length ?? 0;

/** One short sentence at most, ending the line: the shape of a photo caption. */
function captionShaped(text: string, maxLength: number): boolean {
  const ends = sentenceEnds(text);
  // The sentence end may be followed by a closing quote or a bracketed note: "...现场。(左三为市长)".
  const endsLast = /[。!?\uFF01\uFF1F][”」』]?(?:[(\uFF08][^()\uFF08\uFF09]*[)\uFF09])?$/.test(
    text,
  );
  return visibleLength(text) <= maxLength && (ends === 0 || (ends === 1 && endsLast));
}

const isTitleRepeat = (text: string, title: string | undefined) =>
  title !== undefined && title !== '' && sameText(text, title);

/**
 * Pages that show a photo print its alt text (the headline again, seed 000 in the other script)
 * and then its caption: the short line after a repeated headline is a caption.
 */
export const extractCaptionsAfterImageAlt = markBlocks(
  'extractCaptionsAfterImageAlt',
  'caption',
  (b, i, all, { title }) =>
    i > 0 &&
    isTitleRepeat(all[i - 1]!.text, title) &&
    b.kind === 'paragraph' &&
    captionShaped(b.text, 60) &&
    !isTitleRepeat(b.text, title),
);

/** The headline repeated inside the body, in either script. */
export const dropRepeatedTitle: Stage = {
  name: 'dropRepeatedTitle',
  run(draft) {
    return dropBlocks('dropRepeatedTitle', (text) => isTitleRepeat(text, draft.title)).run(draft);
  },
};

// "(右二)", "(左一)", "(中)", "(前排左三)": where a person stands in the photo.
const POSITION_MARK = /[(\uFF08](?:前排|后排|後排)?[左右中][一二三四五六七八九十]?[)\uFF09]/;
const PHOTO_PREFIX = /^(?:图为|圖為|图片|圖片|[[(\uFF08【]图[)\uFF09】\]])/;

/** One-sentence lines that point into a photo ("...市长劉杰(右二)向...", "图为..."). */
export const extractPhotoCaptions = markBlocks(
  'extractPhotoCaptions',
  'caption',
  (b) =>
    b.kind === 'paragraph' &&
    captionShaped(b.text, 160) &&
    (POSITION_MARK.test(b.text) || PHOTO_PREFIX.test(b.text)),
);

// "(2020年3月23日摄)。新华社记者 肖艺九 摄", "(县人社局 供图)", "記者林伯驊/攝影", "(图片来源:...)".
const PHOTO_CREDIT_END = /(?:摄|攝|摄影|攝影|供图|供圖)\s*[)\uFF09]?\s*$/;
const PHOTO_SOURCE =
  /[(\uFF08](?:图片来源|圖片來源|图|圖|资料图|資料圖)\s*[:\uFF1A][^()\uFF08\uFF09]*[)\uFF09]\s*$/;

/** Lines signed by a photographer or naming a picture's source are captions. */
export const extractCreditCaptions = markBlocks(
  'extractCreditCaptions',
  'caption',
  (b) =>
    b.kind === 'paragraph' &&
    visibleLength(b.text) <= 160 &&
    sentenceEnds(b.text) <= 2 &&
    (PHOTO_CREDIT_END.test(b.text) || PHOTO_SOURCE.test(b.text)),
);

function bigrams(text: string): string[] {
  const chars = [...text.replace(/[\s\p{P}]/gu, '')];
  return chars.slice(1).map((c, i) => chars[i]! + c);
}

/** Share of `a`'s character pairs that also occur in `b`. */
export function containment(a: string, b: string): number {
  const pairs = bigrams(a);
  if (pairs.length === 0) return 0;
  const inB = new Set(bigrams(b));
  return pairs.filter((p) => inB.has(p)).length / pairs.length;
}

/**
 * A one-sentence line whose words the next, longer paragraph repeats nearly in full is the
 * caption of a photo that the paragraph describes (seed 001: 石馬山鎮...宣傳防疫知識。).
 */
export const extractCaptionsRepeatedInNextParagraph = markBlocks(
  'extractCaptionsRepeatedInNextParagraph',
  'caption',
  (b, i, all) => {
    const next = all[i + 1];
    return (
      b.kind === 'paragraph' &&
      next?.kind === 'paragraph' &&
      captionShaped(b.text, 160) &&
      sentenceEnds(b.text) === 1 &&
      visibleLength(next.text) > visibleLength(b.text) &&
      containment(b.text, next.text) >= 0.8
    );
  },
);

/** A paragraph printed twice in a row (compared across scripts and spacing). */
export const dropDuplicateParagraphs = dropBlocks('dropDuplicateParagraphs', (text, i, blocks) => {
  const previous = blocks[i - 1];
  return previous !== undefined && sameText(previous.text, text);
});

/**
 * Short lines without a sentence end between paragraphs ("黨員幹部帶頭織密群防群治網",
 * "冲在前,组成党员先锋队") are subheadings.
 */
export const extractSubheadings = markBlocks(
  'extractSubheadings',
  'subheading',
  (b, i, all) =>
    b.kind === 'paragraph' &&
    i > 0 &&
    i < all.length - 1 &&
    visibleLength(b.text) <= 40 &&
    !isProse(b.text) &&
    !/[,\uFF0C、:\uFF1A]$/.test(b.text),
);
