import { buildSearch } from '../../src/search/query';
import { searchQuerySchema } from '../../src/server/schemas';
import { beforeBody } from './before-body';

const built = (q: string) => {
  const request = searchQuerySchema.parse({ q });
  return { request, body: buildSearch(request, 'idx') };
};
const texts = (body: unknown) =>
  [...JSON.stringify(body).matchAll(/"query":"([^"]+)"/gu)].map((m) => m[1]);

describe('beforeBody', () => {
  it('leaves a query without alternatives as it is', () => {
    for (const q of ['明月', '"欲穷千里目"', '落花流水 -春风']) {
      const { request, body } = built(q);
      expect(beforeBody(body, request.query)).toEqual(body);
    }
  });

  it('drops the clauses of regional alternatives, keeping the word as typed', () => {
    const { request, body } = built('软件');
    expect(texts(body)).toContain('软体');
    const before = beforeBody(body, request.query);
    expect(texts(before)).not.toContain('软体');
    expect(texts(before).filter((t) => t === '软件').length).toBe(
      texts(body).filter((t) => t === '软件').length,
    );
  });

  it('drops the phrase boosts a quoted phrase gained with its alternatives', () => {
    const { request, body } = built('"软件"');
    expect(body.query?.bool?.should).toBeDefined();
    const before = beforeBody(body, request.query);
    expect(before.query?.bool?.should).toBeUndefined();
    expect(texts(before)).not.toContain('软体');
  });
});
