// THE registry: every normalization stage, in the order it runs. The order matters: text is
// cleaned before lines are judged, chrome goes before the title is taken, labelled metadata
// before the dateline and byline, and lines are sorted into paragraphs, captions and subheadings
// last. To add a rule, see ./drop-share-widgets.ts.
import type { Stage } from '../draft';
import {
  foldFullWidthAlnum,
  normalizeSpaces,
  stripBulletMarks,
  stripEmailPlaceholders,
  stripHtmlFragments,
  stripMojibake,
  stripPinyinAnnotations,
  trimIndentation,
} from './artifacts';
import {
  dropBreadcrumbs,
  dropContactLines,
  dropDoubledHeadlines,
  dropFontSizeControls,
  dropFooters,
  dropLinkedHeadlineLists,
  dropProvinceMenus,
  dropRelatedLists,
  dropSearchBoxes,
  dropSectionLabels,
  dropSiteHeader,
} from './chrome';
import { extractByline, extractDateline, extractPlaceFromTitle, inferDateYear } from './dateline';
import { dropShareWidgets } from './drop-share-widgets';
import {
  extractAuthorLabel,
  extractEditors,
  extractKeywords,
  extractPublishedDate,
  extractSourceLabel,
  extractTitle,
} from './metadata';
import {
  dropDuplicateParagraphs,
  dropRepeatedTitle,
  extractCaptionsAfterImageAlt,
  extractCaptionsRepeatedInNextParagraph,
  extractPhotoCaptions,
  extractSubheadings,
} from './structure';

export const STAGES: readonly Stage[] = [
  // Text inside lines: width, spacing, debris.
  foldFullWidthAlnum,
  normalizeSpaces,
  stripHtmlFragments,
  stripMojibake,
  stripEmailPlaceholders,
  stripPinyinAnnotations,
  stripBulletMarks,
  trimIndentation,
  // Page chrome: whole lines of the site.
  dropProvinceMenus,
  dropSearchBoxes,
  dropFontSizeControls,
  dropContactLines,
  dropSiteHeader,
  dropBreadcrumbs,
  dropShareWidgets,
  dropFooters,
  dropLinkedHeadlineLists,
  dropDoubledHeadlines,
  dropSectionLabels,
  dropRelatedLists,
  // Metadata: labelled lines, then the title, then the article's own opening and closing.
  extractPublishedDate,
  extractEditors,
  extractAuthorLabel,
  extractKeywords,
  extractSourceLabel,
  extractTitle,
  extractDateline,
  extractByline,
  inferDateYear,
  extractPlaceFromTitle,
  // Structure: captions, repeats, subheadings.
  extractCaptionsAfterImageAlt,
  dropRepeatedTitle,
  extractPhotoCaptions,
  extractCaptionsRepeatedInNextParagraph,
  dropDuplicateParagraphs,
  extractSubheadings,
];
