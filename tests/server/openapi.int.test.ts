// The OpenAPI document the API serves is true to it: every path answers, with a status the
// document lists, and every documented parameter is accepted.
import { getJson, useSeededApp } from './harness';

interface Parameter {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  schema: { type?: string; enum?: string[]; default?: unknown; items?: { enum?: string[] } };
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<string, unknown>;
}
interface Document {
  openapi: string;
  paths: Record<string, { get: Operation }>;
}

// A cap per test below the run's 120 s: indexing the seeds takes seconds, not minutes.
jest.setTimeout(60_000);

let doc: Document;

const api = useSeededApp('api-openapi');

beforeAll(async () => {
  const res = await getJson<Document>(`${api.url}/api/openapi.json`);
  expect(res.status).toBe(200);
  doc = res.body;
});

/** A valid value for a documented parameter. */
function sample(p: Parameter): string {
  if (p.name === 'id') return api.ids['000'];
  const choices = p.schema.enum ?? p.schema.items?.enum;
  if (choices) return choices[choices.length - 1]!;
  if (p.name === 'from' || p.name === 'to') return '2020-01-31';
  if (p.schema.type === 'integer') return '1';
  return '疫';
}

test('the document is OpenAPI 3.1', () => {
  expect(doc.openapi).toBe('3.1.0');
});

/** The required query parameters of an operation, each with a sample value. */
function required(parameters: Parameter[] = []): string {
  const given = parameters.filter((p) => p.in === 'query' && p.required);
  return given.map((p) => `${p.name}=${encodeURIComponent(sample(p))}`).join('&');
}

test('every documented path answers 200 with its parameters at their defaults', async () => {
  for (const [path, { get }] of Object.entries(doc.paths)) {
    const url = path.replace('{id}', api.ids['000']);
    const res = await getJson(`${api.url}${url}?${required(get.parameters)}`);
    expect([path, res.status]).toEqual([path, 200]);
    expect(Object.keys(get.responses)).toContain('200');
  }
});

test('every documented query parameter is accepted on its own', async () => {
  for (const [path, { get }] of Object.entries(doc.paths)) {
    const base = `${api.url}${path.replace('{id}', api.ids['000'])}`;
    for (const p of (get.parameters ?? []).filter((p) => p.in === 'query')) {
      // A cursor is only valid when it came from a response; it is checked in the search tests.
      if (p.name === 'cursor') continue;
      const others = required(get.parameters?.filter((q) => q.name !== p.name));
      const res = await getJson(`${base}?${p.name}=${encodeURIComponent(sample(p))}&${others}`);
      expect([path, p.name, res.status]).toEqual([path, p.name, 200]);
    }
  }
});

test('an undocumented parameter is refused with a status the document lists', async () => {
  for (const [path, { get }] of Object.entries(doc.paths)) {
    if (!get.parameters?.length) continue;
    const res = await getJson(`${api.url}${path.replace('{id}', api.ids['000'])}?nope=1`);
    expect([path, res.status]).toEqual([path, 400]);
    expect(Object.keys(get.responses)).toContain('400');
  }
});
