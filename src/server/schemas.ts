// One zod schema per endpoint: the whole of what a request may carry, and how it becomes
// the typed request the search stage takes. Unknown parameters are refused, not ignored.
import { z } from 'zod';
import { ARTICLE_SCRIPTS } from '../article';
import { decodeCursor, MAX_CURSOR, searchFingerprint } from '../search/cursor';
import { countTerms, parseQuery, SEARCHABLE } from '../search/parse';
import type { SuggestRequest } from '../search/suggest';
import { RESULT_WINDOW } from '../search/query';
import {
  OUTPUT_SCRIPTS,
  SORT_ORDERS,
  type SearchFilters,
  type SearchRequest,
} from '../search/wire';
import { HttpError } from './errors';

export const LIMITS = {
  qLength: 500,
  terms: 32,
  filterValues: 20,
  size: 50,
} as const;

/** A parameter given once or repeated (?source=a&source=b), as a list. */
function repeatable<T extends string>(item: z.ZodType<T>, expected: string) {
  return z
    .union([item, z.array(item)], { error: `expected ${expected}, given once or repeated` })
    .transform((v): T[] => (Array.isArray(v) ? v : [v]))
    .refine((v) => v.length <= LIMITS.filterValues, `at most ${LIMITS.filterValues} values`)
    .optional();
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a calendar date');

const outputScript = z
  .enum(OUTPUT_SCRIPTS)
  .default('original')
  .describe('Script of the text returned; `original` keeps each article in its own');

const name = z.string().min(1).max(200);

const positiveInt = z.coerce.number().int().min(1);

export const searchQuerySchema = z
  .strictObject({
    q: z
      .string()
      .max(LIMITS.qLength)
      .default('')
      .describe('Words, "exact phrases", -exclusions and OR; empty lists everything'),
    source: repeatable(name, 'a name of 1 to 200 characters').describe(
      'Only these sources, written in either script (repeatable)',
    ),
    place: repeatable(name, 'a name of 1 to 200 characters').describe(
      'Only these places, written in either script (repeatable)',
    ),
    people: repeatable(name, 'a name of 1 to 200 characters').describe(
      'Only articles by or naming these people, written in either script (repeatable)',
    ),
    script: repeatable(z.enum(ARTICLE_SCRIPTS), ARTICLE_SCRIPTS.join(', ')).describe(
      'Only articles written in these scripts',
    ),
    from: day.optional().describe('Published on or after this day (China Standard Time)'),
    to: day.optional().describe('Published on or before this day (China Standard Time)'),
    sort: z.enum(SORT_ORDERS).default('relevance'),
    page: positiveInt.optional().describe('1-based page number (default 1); not with cursor'),
    size: positiveInt.max(LIMITS.size).default(10).describe('Hits per page'),
    cursor: z
      .string()
      .max(MAX_CURSOR)
      .optional()
      .describe('next_cursor of the previous response, to page past the page limit'),
    collapse: z
      .enum(['true', 'false'], { error: 'expected true or false' })
      .default('true')
      .describe('One hit per story, its other versions listed under it; false lists every article'),
    output_script: outputScript,
  })
  .transform((p, ctx): SearchRequest => {
    const collapse = p.collapse === 'true';
    const query = parseQuery(p.q);
    const terms = countTerms(query);
    if (terms > LIMITS.terms) {
      ctx.addIssue({
        code: 'custom',
        path: ['q'],
        message: `more than ${LIMITS.terms} terms`,
        params: { code: 'too_many_terms' },
      });
    } else if (terms === 0 && p.q.trim() !== '') {
      // `*`, `\` or an emoji alone: answering with every article would look like a match.
      ctx.addIssue({
        code: 'custom',
        path: ['q'],
        message: 'nothing searchable: give a word with a letter, a Han character or a digit',
        params: { code: 'nothing_searchable' },
      });
    }
    const filters: SearchFilters = {
      source: p.source ?? [],
      place: p.place ?? [],
      people: p.people ?? [],
      script: p.script ?? [],
      ...(p.from !== undefined && { from: p.from }),
      ...(p.to !== undefined && { to: p.to }),
    };
    if (p.from !== undefined && p.to !== undefined && p.from > p.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'before from',
        params: { code: 'before_from' },
      });
    }
    const page = p.page ?? 1;
    if (page * p.size > RESULT_WINDOW) {
      ctx.addIssue({
        code: 'custom',
        path: ['page'],
        message: `page × size beyond ${RESULT_WINDOW}; page on with cursor`,
        params: { code: 'beyond_window' },
      });
    }
    let after: SearchRequest['after'];
    let offset: SearchRequest['offset'];
    let pit: SearchRequest['pit'];
    if (p.cursor !== undefined) {
      const cursor = decodeCursor(p.cursor);
      if (p.page !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['page'],
          message: 'give page or cursor, not both',
          params: { code: 'page_and_cursor' },
        });
      } else if (!cursor) {
        ctx.addIssue({
          code: 'custom',
          path: ['cursor'],
          message: 'not a cursor',
          params: { code: 'not_a_cursor' },
        });
      } else if (cursor.fingerprint !== searchFingerprint(query, filters, p.sort, collapse)) {
        ctx.addIssue({
          code: 'custom',
          path: ['cursor'],
          message: 'made for another query, filter, sort or collapse',
          params: { code: 'cursor_mismatch' },
        });
      } else if (cursor.offset !== undefined && cursor.offset + p.size > RESULT_WINDOW) {
        ctx.addIssue({
          code: 'custom',
          path: ['cursor'],
          message: `stories are listed up to ${RESULT_WINDOW}; page on with collapse=false`,
          params: { code: 'cursor_past_window' },
        });
      } else {
        after = cursor.after;
        offset = cursor.offset;
        pit = cursor.pit;
      }
    }
    return {
      query,
      filters,
      sort: p.sort,
      page,
      size: p.size,
      ...(after && { after }),
      collapse,
      ...(offset !== undefined && { offset }),
      ...(pit && { pit }),
      outputScript: p.output_script,
    };
  });

/** Suggestions per kind at most. */
const SUGGEST_SIZE = { default: 5, max: 10 } as const;

export const suggestQuerySchema = z
  .strictObject({
    q: z
      .string()
      .max(LIMITS.qLength)
      .describe('What has been typed so far: names starting with it, titles containing it'),
    size: positiveInt.max(SUGGEST_SIZE.max).default(SUGGEST_SIZE.default).describe('Per kind'),
    output_script: outputScript,
  })
  .transform((p, ctx): SuggestRequest => {
    const q = p.q.trim();
    if (!SEARCHABLE.test(q)) {
      ctx.addIssue({
        code: 'custom',
        path: ['q'],
        message: 'nothing searchable: give a letter, a Han character or a digit',
        params: { code: 'nothing_searchable' },
      });
    }
    return { q, size: p.size, outputScript: p.output_script };
  });

export const articleRequestSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,128}$/, 'letters, digits, _ and -, up to 128')
      .describe('The article id, as in search hits'),
    q: z
      .string()
      .max(LIMITS.qLength)
      .optional()
      .describe(
        'The search the reader came from: its matches are marked in title_html and body_html',
      ),
    output_script: outputScript,
  })
  .transform((p) => ({
    id: p.id,
    output_script: p.output_script,
    ...(p.q !== undefined && { query: parseQuery(p.q) }),
  }));

/** The parameter names that appear in the path rather than the query string. */
export const PATH_PARAMETERS: ReadonlySet<string> = new Set(['id']);

/** A stable code for what is wrong with a parameter, for clients to word their own message:
 * zod's code (too_big, invalid_value, ...), or the one a custom check gives in its params. */
function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'unknown_parameter';
  if (issue.code === 'custom') return String(issue.params?.code ?? 'invalid');
  return issue.code;
}

/** Parses `input` with an endpoint's schema, or throws a 400 naming every bad parameter. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.flatMap((issue) => {
    // Unknown parameters come as one issue at the root listing their names.
    const names = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
    const message = issue.code === 'unrecognized_keys' ? 'unknown parameter' : issue.message;
    return names.map((parameter) => ({ parameter, code: issueCode(issue), message }));
  });
  const first = issues[0]!;
  throw new HttpError(400, {
    error: 'invalid_parameter',
    message: `${first.parameter}: ${first.message}`,
    parameter: first.parameter,
    issues,
  });
}
