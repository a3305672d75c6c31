import { encodeCursor, searchFingerprint } from '../search/cursor';
import { parseQuery } from '../search/parse';
import { HttpError } from './errors';
import { articleRequestSchema, LIMITS, searchQuerySchema, validate } from './schemas';

/** The 400 body for a query string, or undefined when it is valid. */
function rejection(query: Record<string, string | string[]>) {
  try {
    validate(searchQuerySchema, query);
    return undefined;
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    expect(err.status).toBe(400);
    return err.body;
  }
}

describe('searchQuerySchema', () => {
  it('fills defaults and parses q', () => {
    expect(validate(searchQuerySchema, { q: '郑凯 -漯河' })).toEqual({
      query: parseQuery('郑凯 -漯河'),
      filters: { source: [], place: [], people: [], script: [] },
      sort: 'relevance',
      page: 1,
      size: 10,
      collapse: true,
      outputScript: 'original',
    });
  });

  it('collapses by story unless collapse=false', () => {
    expect(validate(searchQuerySchema, { collapse: 'false' }).collapse).toBe(false);
    expect(() => validate(searchQuerySchema, { collapse: 'no' })).toThrow(HttpError);
  });

  it('takes repeated and single filters as lists, and coerces numbers', () => {
    expect(
      validate(searchQuerySchema, {
        source: ['映象网', '鲁网'],
        place: '阳谷',
        script: 'simplified',
        from: '2020-01-01',
        to: '2020-02-29',
        sort: 'newest',
        page: '2',
        size: '50',
        output_script: 'taiwan',
      }),
    ).toMatchObject({
      filters: {
        source: ['映象网', '鲁网'],
        place: ['阳谷'],
        script: ['simplified'],
        from: '2020-01-01',
        to: '2020-02-29',
      },
      sort: 'newest',
      page: 2,
      size: 50,
      outputScript: 'taiwan',
    });
  });

  it.each([
    [{ size: '51' }, 'size'],
    [{ size: '0' }, 'size'],
    [{ size: 'ten' }, 'size'],
    [{ page: '1.5' }, 'page'],
    [{ page: ['1', '2'] }, 'page'],
    [{ page: '1001', size: '10' }, 'page'],
    [{ sort: 'random' }, 'sort'],
    [{ output_script: 'klingon' }, 'output_script'],
    [{ script: ['simplified', 'latin'] }, 'script'],
    [{ from: '2020-02-30' }, 'from'],
    [{ to: '20200101' }, 'to'],
    [{ from: '2021-01-01', to: '2020-01-01' }, 'to'],
    [{ q: 'x'.repeat(LIMITS.qLength + 1) }, 'q'],
    [{ q: Array.from({ length: LIMITS.terms + 1 }, (_, i) => `w${i}`).join(' ') }, 'q'],
    [{ q: ['a', 'b'] }, 'q'],
    [{ source: Array.from({ length: LIMITS.filterValues + 1 }, (_, i) => `s${i}`) }, 'source'],
    [{ query: '郑凯' }, 'query'],
    [{ cursor: 'garbage' }, 'cursor'],
  ])('refuses %j naming %s', (query, parameter) => {
    expect(rejection(query)).toMatchObject({ error: 'invalid_parameter', parameter });
  });

  it('says what a repeatable parameter expects', () => {
    expect(rejection({ script: 'latin' })?.message).toBe(
      'script: expected traditional, simplified, mixed, given once or repeated',
    );
  });

  it('lists every bad parameter', () => {
    expect(rejection({ size: '0', sort: 'x', bogus: '1' })?.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ parameter: 'size' }),
        expect.objectContaining({ parameter: 'sort' }),
        { parameter: 'bogus', code: 'unknown_parameter', message: 'unknown parameter' },
      ]),
    );
  });

  describe('cursor', () => {
    const filters = { source: [], place: [], people: [], script: [] };
    const cursorFor = (q: string) =>
      encodeCursor({
        fingerprint: searchFingerprint(parseQuery(q), filters, 'relevance', true),
        after: [1.25, 'abc'],
      });

    it('continues the search it was made for', () => {
      expect(validate(searchQuerySchema, { q: '疫', cursor: cursorFor('疫') })).toMatchObject({
        after: [1.25, 'abc'],
        page: 1,
      });
    });

    it('refuses a cursor of another search, or with a page', () => {
      expect(rejection({ q: '疫情', cursor: cursorFor('疫') })).toMatchObject({
        parameter: 'cursor',
      });
      expect(rejection({ q: '疫', cursor: cursorFor('疫'), sort: 'newest' })).toMatchObject({
        parameter: 'cursor',
      });
      expect(rejection({ q: '疫', cursor: cursorFor('疫'), page: '2' })).toMatchObject({
        parameter: 'page',
      });
    });
  });
});

describe('articleRequestSchema', () => {
  it('accepts an id and an output script', () => {
    expect(validate(articleRequestSchema, { id: 'abc-123_x', output_script: 'hongkong' })).toEqual({
      id: 'abc-123_x',
      output_script: 'hongkong',
    });
  });

  it.each([['../etc'], ['a b'], ['x'.repeat(129)], ['']])('refuses the id %j', (id) => {
    expect(() => validate(articleRequestSchema, { id })).toThrow(HttpError);
  });
});
