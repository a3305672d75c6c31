import { readFileSync } from 'node:fs';
import {
  definitionHash,
  INDEX_ANALYZER,
  KEYWORD_NORMALIZER,
  loadIndexDefinition,
  parseMappingRules,
  PHRASE_ANALYZER,
  SEARCH_ANALYZER,
  T2S_CHAR_FILTER,
  T2S_MAPPING_FILE,
} from './definition';

describe('loadIndexDefinition', () => {
  const definition = loadIndexDefinition();

  it('inlines the generated rules into the t2s char filter', () => {
    const rules = parseMappingRules(readFileSync(T2S_MAPPING_FILE, 'utf8'));
    const charFilter = definition.settings.analysis?.char_filter?.t2s as { mappings: string[] };
    expect(charFilter.mappings).toEqual(rules);
    expect(charFilter.mappings).toContain('鄭 => 郑');
    expect(charFilter.mappings).toContain('著 => 着');
  });

  it('stores its hash in _meta, the same hash on every load', () => {
    expect(definition.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(definition.mappings._meta.definition_hash).toBe(definition.hash);
    expect(loadIndexDefinition().hash).toBe(definition.hash);
  });

  it('changes the hash when a setting or a rule changes', () => {
    const { settings, mappings } = definition;
    const bare: Record<string, unknown> = { ...mappings };
    delete bare._meta;
    expect(definitionHash(settings, bare)).toBe(definition.hash);
    expect(definitionHash({ ...settings, number_of_shards: 2 }, bare)).not.toBe(definition.hash);
  });

  it('takes the shard count into the hash and the replicas out of it', () => {
    const layout = { shards: 1, replicas: '0-1' };
    const one = loadIndexDefinition(undefined, layout);
    expect(one.settings.number_of_shards).toBe(1);
    expect(one.replicas).toEqual({ auto_expand_replicas: '0-1' });
    const three = loadIndexDefinition(undefined, { ...layout, shards: 3 });
    expect(three.hash).not.toBe(one.hash);
    const twoReplicas = loadIndexDefinition(undefined, { ...layout, replicas: '2' });
    expect(twoReplicas.hash).toBe(one.hash);
    expect(twoReplicas.replicas).toEqual({ number_of_replicas: 2, auto_expand_replicas: 'false' });
  });

  it('analyzes every text field with the folding analyzers, and keeps `removed` out', () => {
    const properties = definition.mappings.properties ?? {};
    for (const field of ['title', 'body', 'subheadings', 'captions']) {
      expect(properties[field]).toMatchObject({
        type: 'text',
        analyzer: INDEX_ANALYZER,
        search_analyzer: SEARCH_ANALYZER,
        search_quote_analyzer: PHRASE_ANALYZER,
      });
    }
    for (const field of ['id', 'source', 'place', 'people', 'keywords', 'script', 'content_hash']) {
      expect(properties[field]).toMatchObject({ type: 'keyword' });
    }
    expect(properties.published_at).toMatchObject({ type: 'date' });
    expect(properties).not.toHaveProperty('removed');
    expect(definition.mappings.dynamic).toBe('strict');
  });
});

describe('the keyword normalizer', () => {
  const definition = loadIndexDefinition();

  it('folds with the same t2s char filter as the analyzers, then width and case', () => {
    const analysis = definition.settings.analysis!;
    expect(analysis.normalizer?.[KEYWORD_NORMALIZER]).toEqual({
      type: 'custom',
      char_filter: [T2S_CHAR_FILTER],
      filter: ['cjk_width', 'lowercase'],
    });
    expect(analysis.analyzer?.[INDEX_ANALYZER]).toMatchObject({ char_filter: [T2S_CHAR_FILTER] });
  });

  it('normalizes every name field people facet and filter on, and no other field', () => {
    const properties = definition.mappings.properties ?? {};
    const normalized = Object.entries(properties)
      .filter(([, mapping]) => (mapping as { normalizer?: string }).normalizer !== undefined)
      .map(([field, mapping]) => [field, (mapping as { normalizer: string }).normalizer]);
    expect(Object.fromEntries(normalized)).toEqual({
      source: KEYWORD_NORMALIZER,
      place: KEYWORD_NORMALIZER,
      reporters: KEYWORD_NORMALIZER,
      correspondents: KEYWORD_NORMALIZER,
      editors: KEYWORD_NORMALIZER,
      people: KEYWORD_NORMALIZER,
      keywords: KEYWORD_NORMALIZER,
    });
  });
});

describe('parseMappingRules', () => {
  it('skips comments and blank lines', () => {
    expect(parseMappingRules('# header\n\n鄭 => 郑\n  # phrases\n乾隆 => 乾隆\n')).toEqual([
      '鄭 => 郑',
      '乾隆 => 乾隆',
    ]);
  });
});
