// The escaping the API applies to titles without a highlight is the engine's own `html`
// highlight encoder, so every title_html and fragment is escaped the same way.
import type { Client } from '@elastic/elasticsearch';
import { escapeHtml } from '../../src/search/output-script';
import { testClient, testIndexName } from '../support/es';

let client: Client;
const index = testIndexName('encoder');

beforeAll(async () => {
  client = testClient();
  await client.indices.create({
    index,
    mappings: { properties: { t: { type: 'text', analyzer: 'standard' } } },
  });
});

afterAll(async () => {
  await client.indices.delete({ index, ignore_unavailable: true });
  await client.close();
});

test('escapeHtml escapes what the html highlight encoder escapes, and nothing else', async () => {
  const text = `a/b <c> 'd' "e" & 疫情 ＆ x`;
  await client.index({ index, id: '1', document: { t: text }, refresh: true });
  const res = await client.search({
    index,
    query: { match: { t: 'x' } },
    highlight: { encoder: 'html', pre_tags: ['<mark>'], post_tags: ['</mark>'], fields: { t: {} } },
  });
  const highlighted = res.hits.hits[0]!.highlight!.t![0]!;
  expect(highlighted).toBe(`${escapeHtml(text.slice(0, -1))}<mark>x</mark>`);
  expect(highlighted).toContain('&#x2F;');
});
