// The article, defined once. Every layer takes its shape from the schemas here:
// - `Article`: what normalization produces (src/normalize) and the indexer reads (src/indexer);
// - the JSON-lines validator (normalize/jsonl.ts): the article with its derivable fields optional;
// - `IndexDocument`: what Elasticsearch stores, checked against mappings/articles.json both ways
//   (src/article.test.ts);
// - the API's article and hit, and so the OpenAPI document (search/wire.ts), and the source
//   fields a hit reads.
// Adding a field: add it to `articleSchema` (or, when only the indexer derives it, to
// `indexDocumentSchema`, and set it in indexer/document.ts) and to mappings/articles.json;
// EXAMPLE_ARTICLE in tests/fixtures/articles.ts takes it through every layer.
import { z } from 'zod';

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar-checked ISO 8601 time in China's offset, or undefined for an impossible date. */
export function isoBeijing(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): string | undefined {
  const t = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    t.getUTCFullYear() === year &&
    t.getUTCMonth() === month - 1 &&
    t.getUTCDate() === day &&
    t.getUTCHours() === hour &&
    t.getUTCMinutes() === minute &&
    t.getUTCSeconds() === second;
  if (!valid) return undefined;
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+08:00`;
}

const ISO_BEIJING = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\+08:00$/;

/** ISO 8601 in China's offset, on a real calendar day. */
const publishedAt = z.string().refine((s) => {
  const m = ISO_BEIJING.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = m.slice(1).map((v) => Number(v ?? 0));
  return isoBeijing(y!, mo!, d!, h, mi, sec) !== undefined;
}, 'expected ISO 8601 with +08:00, e.g. 2022-04-20T14:06:00+08:00');

/** A trimmed, non-empty text. */
const text = z.string().trim().min(1);
/** A list of texts; absent means none. */
const texts = z.array(text).default([]);

export const ARTICLE_SCRIPTS = ['traditional', 'simplified', 'mixed'] as const;
/** Which script a text is written in, as far as its Han characters tell. */
export const scriptSchema = z.enum(ARTICLE_SCRIPTS);
export type Script = z.infer<typeof scriptSchema>;

/**
 * How a publication date was obtained; dates are never invented.
 * - explicit: the page states year, month and day (and maybe a time);
 * - inferred-year: the page states month and day only; the year comes from other evidence;
 * - partial: month and day only, with no evidence for the year: `published_at` stays unset.
 */
export const dateEvidenceSchema = z.enum(['explicit', 'inferred-year', 'partial']);
export type DateEvidence = z.infer<typeof dateEvidenceSchema>;

export const publishedDateSchema = z.object({
  /** Absent when partial. */
  iso: publishedAt.optional(),
  year: z.number().int().optional(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  evidence: dateEvidenceSchema,
  /** The text the date was read from, e.g. "鲁网1月31日讯". */
  raw: z.string(),
  /** For 'inferred-year': the text the year was read from, e.g. "2020年春节". */
  year_raw: z.string().optional(),
});
export type PublishedDate = z.infer<typeof publishedDateSchema>;

export const EVIDENCE_FIELDS = ['title', 'date', 'source', 'place', 'reporters'] as const;
/** The fields whose origin an article records. */
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** Where a field came from: the stage that set it and the text it read. */
export const fieldEvidenceSchema = z.object({
  stage: z.string(),
  text: z.string(),
  /**
   * The signal was weak: a title candidate left out (the field stays empty), a year inferred, a
   * source taken from the page's masthead.
   */
  uncertain: z.boolean().optional(),
});
export type FieldEvidence = z.infer<typeof fieldEvidenceSchema>;

/** One line or fragment that a stage removed, kept for debugging only. */
export const removalSchema = z.object({ stage: z.string(), text: z.string() });
export type Removal = z.infer<typeof removalSchema>;

/**
 * The article. Unknown fields are an error, so a misspelt one is seen. The index document's
 * content hash reads the keys in this order (indexer/document.ts): reordering them changes
 * every hash, and the next run rewrites every document.
 */
export const articleSchema = z.strictObject({
  id: text.describe('Stable: the same article gives the same id across runs and file moves'),
  // A page can lack a headline (seed 001); its article still has a body.
  title: z.string().trim(),
  body: z.array(text).min(1).describe('Paragraphs in reading order, chrome and captions excluded'),
  subheadings: texts,
  captions: texts,
  source: text.optional().describe('The publisher, e.g. 映象網 or 鲁网'),
  place: text.optional().describe('The dateline place, e.g. 荥阳'),
  reporters: texts,
  correspondents: texts,
  editors: texts,
  keywords: texts,
  published_at: publishedAt
    .optional()
    .describe('ISO 8601 with +08:00, only when the text gives (or lets us infer) a full date'),
  date: publishedDateSchema.optional().describe('The date as far as the text gives it'),
  script: scriptSchema.describe('The script the article is written in'),
  path: text.describe('The file the article came from, as given to the normalizer'),
  removed: z.array(removalSchema).default([]).describe('What the stages removed: never indexed'),
  evidence: z
    .partialRecord(z.enum(EVIDENCE_FIELDS), fieldEvidenceSchema)
    .optional()
    .describe('Where each extracted field came from: never indexed'),
});
export type Article = z.output<typeof articleSchema>;

/** The article's list fields that may be left out (an empty list): all but the body. */
type DefaultedList = {
  [K in keyof Article]-?: undefined extends z.input<typeof articleSchema>[K]
    ? Article[K] extends unknown[]
      ? K
      : never
    : never;
}[keyof Article];

const DEFAULTED_LISTS = Object.entries(articleSchema.shape)
  .filter(([, schema]) => schema instanceof z.ZodDefault)
  .map(([field]) => field);

/**
 * Every list field but the body, empty (fresh arrays). Code that writes an article out spreads
 * this first, so that a new list field in the schema needs no edit there.
 */
export function emptyLists(): Pick<Article, DefaultedList> {
  return Object.fromEntries(DEFAULTED_LISTS.map((field) => [field, []])) as never;
}

/**
 * The document Elasticsearch stores (mappings/articles.json): the article without what is kept
 * for debugging (removed, evidence), plus what search derives from it.
 */
export const indexDocumentSchema = articleSchema.omit({ removed: true, evidence: true }).extend({
  people: z
    .array(z.string())
    .describe(
      'Reporters, correspondents, editors and the people the text names, for one facet, ' +
        'filter and suggestion kind',
    ),
  story_bands: z
    .array(z.string())
    .describe('LSH band keys of the MinHash signature: how the indexer finds candidate versions'),
  fingerprint: z
    .string()
    .optional()
    .describe('The MinHash signature and shingle count (src/stories), base64; absent without text'),
  content_hash: z
    .string()
    .describe('Hash of everything else: equal hashes mean a re-run has nothing to write'),
  story_id: z
    .string()
    .describe(
      'The story (near-duplicate group) this article is a version of: the smallest article id ' +
        'among its versions (src/stories). Outside the content hash: the indexer sets it after ' +
        'comparing with the other articles, and moves it when stories merge',
    ),
});
export type IndexDocument = z.output<typeof indexDocumentSchema>;
export type IndexDocumentField = keyof IndexDocument;

/** Every field of the index document, in its key order. */
export const INDEX_DOCUMENT_FIELDS = Object.keys(indexDocumentSchema.shape) as IndexDocumentField[];
