// The search body as the query builder made it before issue 10 added regional alternatives,
// from today's body: for bench:compare, which runs both side by side. Pure.
import type { estypes } from '@elastic/elasticsearch';
import type { ParsedQuery } from '../../src/search/parse';

/**
 * The query as the builder made it before the regional alternatives: the clauses of texts
 * nobody typed are dropped, and a quoted phrase no longer adds its phrase boosts (only words
 * did). Everything else the builder does is today's on both sides.
 */
export function beforeBody(body: estypes.SearchRequest, query: ParsedQuery): estypes.SearchRequest {
  const typed = new Set([...query.groups.flat(), ...query.excluded].map((term) => term.text));
  const words = new Set(query.groups.flat().flatMap((t) => (t.kind === 'word' ? [t.text] : [])));
  const textOf = (clause: unknown): string | undefined => {
    const c = clause as Record<string, Record<string, { query?: string }> | undefined>;
    const inner = c.match ?? c.match_phrase;
    return inner ? Object.values(inner)[0]?.query : undefined;
  };
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node
        .filter((item) => {
          const text = textOf(item);
          return text === undefined || typed.has(text);
        })
        .map(strip);
    }
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, strip(value)]));
    }
    return node;
  };
  const before = strip(structuredClone(body)) as estypes.SearchRequest;
  const bool = before.query?.bool;
  if (bool?.should && Array.isArray(bool.should)) {
    const should = bool.should.filter((clause) => {
      const text = textOf(clause);
      return text === undefined || words.has(text);
    });
    if (should.length > 0) bool.should = should;
    else delete bool.should;
  }
  return before;
}
