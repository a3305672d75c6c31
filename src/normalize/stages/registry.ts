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
  dropAfterArticleEnd,
} from './chrome';
import {
  extractByline,
  extractCredits,
  extractDateline,
  extractPlaceFromLead,
  extractPlaceFromTitle,
  inferDateYear,
} from './dateline';
import { dropShareWidgets } from './drop-share-widgets';
import {
  extractAuthorLabel,
  extractEditors,
  extractKeywords,
  extractPublishedDate,
  extractMasthead,
  extractSourceLabel,
} from './metadata';
import { dropSiteBoilerplate } from './site-boilerplate';
import { extractTitle } from './title';
import { dropCallsToAction, dropControlLines, dropEmptyLabels, dropMenuBars } from './widgets';
import {
  dropDuplicateParagraphs,
  dropRepeatedTitle,
  extractCaptionsAfterImageAlt,
  extractCaptionsRepeatedInNextParagraph,
  extractCreditCaptions,
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
  // The masthead, read before the chrome around it goes.
  extractMasthead,
  // Page chrome: whole lines of the site.
  dropProvinceMenus,
  dropSearchBoxes,
  dropFontSizeControls,
  dropMenuBars,
  dropCallsToAction,
  dropContactLines,
  dropSiteHeader,
  dropBreadcrumbs,
  dropShareWidgets,
  dropFooters,
  dropLinkedHeadlineLists,
  dropDoubledHeadlines,
  dropSectionLabels,
  dropRelatedLists,
  dropAfterArticleEnd,
  // What the folder's other pages repeat, once the markers above have cut what follows them.
  dropSiteBoilerplate,
  // Metadata: labelled lines, the dateline and credits, then the title (which takes the lines
  // above it with it), then the article's own opening and closing.
  extractPublishedDate,
  extractEditors,
  extractAuthorLabel,
  extractKeywords,
  extractSourceLabel,
  dropControlLines,
  dropEmptyLabels,
  extractDateline,
  extractCredits,
  extractTitle,
  extractByline,
  inferDateYear,
  extractPlaceFromTitle,
  extractPlaceFromLead,
  // Structure: captions, repeats, subheadings.
  extractCreditCaptions,
  extractCaptionsAfterImageAlt,
  dropRepeatedTitle,
  extractPhotoCaptions,
  extractCaptionsRepeatedInNextParagraph,
  dropDuplicateParagraphs,
  extractSubheadings,
];
