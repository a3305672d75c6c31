// The deep-paging cursor: an opaque string holding the sort values of the last hit shown
// (for search_after) or, for a search collapsed by story, the number of stories shown (the
// engine refuses search_after with collapse unless sorted on the story alone), and a
// fingerprint of the search it belongs to. No server state, so a
// cursor never expires; the sort ends on the unique id, so hits never repeat or go missing
// while the index stays the same.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ParsedQuery } from './parse';
import type { SearchFilters, SortOrder, SortValues } from './wire';

export interface Cursor {
  /** Of the query, filters and sort the cursor was made for. */
  fingerprint: string;
  /** Uncollapsed: continue after the hit with these sort values. */
  after?: SortValues;
  /** Collapsed by story: continue after this many stories (within the result window). */
  offset?: number;
}

const VERSION = 1;
const payload = z.strictObject({
  v: z.literal(VERSION),
  f: z.string().regex(/^[0-9a-f]{16}$/),
  a: z.tuple([z.number().finite(), z.string().min(1).max(512)]).optional(),
  o: z.number().int().min(1).optional(),
});

/** Identifies a search, so a cursor cannot continue a different one. */
export function searchFingerprint(
  query: ParsedQuery,
  filters: SearchFilters,
  sort: SortOrder,
  collapse: boolean,
): string {
  return createHash('sha256')
    .update(JSON.stringify([query, filters, sort, collapse]))
    .digest('hex')
    .slice(0, 16);
}

export function encodeCursor(cursor: Cursor): string {
  const json = JSON.stringify({
    v: VERSION,
    f: cursor.fingerprint,
    ...(cursor.after && { a: cursor.after }),
    ...(cursor.offset !== undefined && { o: cursor.offset }),
  });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** The cursor in `text`, or undefined for anything that is not one of ours. */
export function decodeCursor(text: string): Cursor | undefined {
  if (text.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success) return undefined;
  const { f, a, o } = parsed.data;
  // Exactly one of the two ways to continue.
  if ((a === undefined) === (o === undefined)) return undefined;
  return a ? { fingerprint: f, after: a } : { fingerprint: f, offset: o! };
}
