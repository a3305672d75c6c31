// How sure an article's main fields are, for the import report: found, uncertain or missing.
import type { Article } from '../article';

export type Quality = 'found' | 'uncertain' | 'missing';
export const QUALITY_FIELDS = ['title', 'date', 'source'] as const;
export type QualityField = (typeof QUALITY_FIELDS)[number];

/**
 * Title: uncertain when a candidate was left out (the title is then empty). Date: uncertain when
 * its year was inferred, or when only a month and day are known. Source: uncertain when only the
 * page's masthead named it.
 */
export function fieldQuality(a: Article): Record<QualityField, Quality> {
  const ev = a.evidence ?? {};
  const of = (present: boolean, uncertain: boolean): Quality =>
    uncertain ? 'uncertain' : present ? 'found' : 'missing';
  return {
    title: of(a.title !== '', ev.title?.uncertain === true),
    date: of(a.published_at !== undefined, a.date !== undefined && a.date.evidence !== 'explicit'),
    source: of(a.source !== undefined, ev.source?.uncertain === true),
  };
}
