import { openApiDocument } from './openapi';

type Operation = { parameters?: { name: string; in: string; required: boolean; schema: object }[] };

describe('openApiDocument', () => {
  const doc = openApiDocument() as { openapi: string; paths: Record<string, { get: Operation }> };

  it('is OpenAPI 3.1 and lists every route', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/articles/{id}',
      '/api/openapi.json',
      '/api/search',
      '/api/suggest',
      '/healthz',
      '/readyz',
    ]);
  });

  it('derives the search parameters from the request schema', () => {
    const params = doc.paths['/api/search']!.get.parameters!;
    expect(params.map((p) => p.name)).toEqual([
      'q',
      'source',
      'place',
      'people',
      'script',
      'from',
      'to',
      'sort',
      'page',
      'size',
      'cursor',
      'collapse',
      'output_script',
    ]);
    expect(params.every((p) => p.in === 'query' && !p.required)).toBe(true);
    expect(params.find((p) => p.name === 'source')).toMatchObject({
      schema: { type: 'array', items: { type: 'string' } },
      explode: true,
    });
    expect(params.find((p) => p.name === 'size')?.schema).toMatchObject({ maximum: 50 });
  });

  it('puts the article id in the path', () => {
    expect(doc.paths['/api/articles/{id}']!.get.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
      expect.objectContaining({ name: 'q', in: 'query', required: false }),
      expect.objectContaining({ name: 'output_script', in: 'query', required: false }),
    ]);
  });

  it('describes each facet bucket with the value to filter by and a label to show', () => {
    type Schema = { properties: Record<string, Schema>; items: Schema; required?: string[] };
    const search = (
      doc.paths['/api/search']!.get as unknown as {
        responses: { 200: { content: { 'application/json': { schema: Schema } } } };
      }
    ).responses[200].content['application/json'].schema;
    const facets = search.properties.facets!;
    for (const facet of ['source', 'place', 'people', 'year']) {
      const bucket = facets.properties[facet]!.items;
      expect(Object.keys(bucket.properties)).toEqual(['value', 'label', 'count', 'selected']);
      expect(bucket.required).toEqual(['value', 'label', 'count', 'selected']);
    }
  });
});
