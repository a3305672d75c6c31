// The deep-paging cursor: an opaque string holding where to continue, the engine's point in
// time (PIT) the pages read, and a fingerprint of the search it belongs to. Where to continue
// is the sort values of the last hit shown (for search_after) or, for a search collapsed by
// story, the number of stories shown (the engine refuses search_after with collapse unless
// sorted on the story alone). The sort ends on the unique id, and every page after the first
// reads the same PIT, so a reindex between two pages neither repeats nor skips hits; a PIT
// that was closed, kept unused past its keep-alive or whose index was deleted ends the cursor
// (README: Paging).
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
  /** The point in time the pages read (none on the first page's cursor: the next opens it). */
  pit?: string;
}

const VERSION = 1;
/** Room for a PIT over some thirty shards (about 160 characters each). */
const MAX_PIT_ID = 6000;
/** The longest cursor: its JSON in base64url. */
export const MAX_CURSOR = 8192;
const payload = z.strictObject({
  v: z.literal(VERSION),
  f: z.string().regex(/^[0-9a-f]{16}$/),
  a: z.tuple([z.number().finite(), z.string().min(1).max(512)]).optional(),
  o: z.number().int().min(1).optional(),
  // The engine's PIT id: base64 of the shards and contexts it covers.
  p: z
    .string()
    .regex(/^[A-Za-z0-9+/=_-]+$/)
    .max(MAX_PIT_ID)
    .optional(),
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
    ...(cursor.pit && { p: cursor.pit }),
  });
  return Buffer.from(json, 'utf8').toString('base64url');
}

/** The cursor in `text`, or undefined for anything that is not one of ours. */
export function decodeCursor(text: string): Cursor | undefined {
  if (text.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success) return undefined;
  const { f, a, o, p } = parsed.data;
  // Exactly one of the two ways to continue.
  if ((a === undefined) === (o === undefined)) return undefined;
  const pit = p ? { pit: p } : {};
  return a ? { fingerprint: f, after: a, ...pit } : { fingerprint: f, offset: o!, ...pit };
}
