// The article record: what normalization produces and what the indexer stores.
// Shared by src/normalize (producer), src/indexer (writer) and src/search (reader).

/** Which script a text is written in, as far as its Han characters tell. */
export type Script = 'traditional' | 'simplified' | 'mixed';

/** How a publication date was obtained; dates are never invented. */
export type DateEvidence =
  /** The page states year, month and day (and maybe a time). */
  | 'explicit'
  /** The page states month and day only; the year comes from other evidence in the text. */
  | 'inferred-year'
  /** Month and day only, with no evidence for the year: `published_at` stays unset. */
  | 'partial';

export interface PublishedDate {
  /** ISO 8601 with the +08:00 offset, e.g. 2022-04-20T14:06:00+08:00; absent when partial. */
  iso?: string;
  /** The date as far as the text gives it, e.g. { month: 1, day: 31 }. */
  year?: number;
  month: number;
  day: number;
  evidence: DateEvidence;
  /** The text the date was read from, e.g. "鲁网1月31日讯". */
  raw: string;
  /** For 'inferred-year': the text the year was read from, e.g. "2020年春节". */
  year_raw?: string;
}

/** The fields whose origin an article records. */
export type EvidenceField = 'title' | 'date' | 'source' | 'place' | 'reporters';

/** Where a field came from: the stage that set it and the text it read. */
export interface FieldEvidence {
  stage: string;
  text: string;
  /**
   * The signal was weak: a title candidate left out (the field stays empty), a year inferred, a
   * source taken from the page's masthead.
   */
  uncertain?: boolean;
}

/** One line or fragment that a stage removed, kept for debugging only. */
export interface Removal {
  stage: string;
  text: string;
}

export interface Article {
  /** Stable: the same article gives the same id across runs and file moves. */
  id: string;
  title: string;
  /** Body paragraphs in reading order, chrome and captions excluded. */
  body: string[];
  subheadings: string[];
  captions: string[];
  /** ISO 8601 with +08:00, only when the text gives (or lets us infer) a full date. */
  published_at?: string;
  date?: PublishedDate;
  /** Publisher, e.g. 映象網 or 鲁网. */
  source?: string;
  reporters: string[];
  correspondents: string[];
  editors: string[];
  /** The dateline place, e.g. 荥阳. */
  place?: string;
  keywords: string[];
  script: Script;
  /** The file the article came from, as given to the normalizer. */
  path: string;
  /** What the stages removed: for debugging, never indexed for search. */
  removed: Removal[];
  /** Where each extracted field came from; never indexed. */
  evidence?: Partial<Record<EvidenceField, FieldEvidence>>;
}
