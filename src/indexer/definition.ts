// The index definition, one source of truth for the indexer, the API and the tests:
// mappings/articles.json (settings and mappings) with the generated Traditional ->
// Simplified fold rules of mappings/t2s-mapping.txt inlined into its `t2s` char filter
// (the official image has no file for `mappings_path` to point at).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { estypes } from '@elastic/elasticsearch';
import { CONFIG_DEFAULTS, ROOT, type Config } from '../config';

export const MAPPINGS_DIR = join(ROOT, 'mappings');
export const INDEX_DEFINITION_FILE = join(MAPPINGS_DIR, 'articles.json');
export const T2S_MAPPING_FILE = join(MAPPINGS_DIR, 't2s-mapping.txt');

/** The char filter in articles.json whose `mappings` come from t2s-mapping.txt. */
export const T2S_CHAR_FILTER = 't2s';
/** The analyzers of the text fields (see mappings/README.md). */
export const INDEX_ANALYZER = 'cjk_fold_index';
export const SEARCH_ANALYZER = 'cjk_fold_search';
/** The search_quote_analyzer of the text fields: a quoted phrase as its characters, in order. */
export const PHRASE_ANALYZER = 'cjk_fold_phrase';
/** The normalizer of the keyword fields people facet and filter on: the same t2s fold. */
export const KEYWORD_NORMALIZER = 'cjk_fold_keyword';

export interface IndexDefinition {
  /** The analysis and the shard count: what an index is made with, and hashed. */
  settings: estypes.IndicesIndexSettings;
  /** The replica settings: applied on creation and on every run, not hashed (no rebuild). */
  replicas: estypes.IndicesIndexSettings;
  /** Carries `_meta.definition_hash`, so a live index tells which definition built it. */
  mappings: estypes.MappingTypeMapping & { _meta: { definition_hash: string } };
  /** Short hash of settings and mappings (rules included): a change means a new index. */
  hash: string;
}

/** The rules of a mapping file: one `from => to` per line; `#` lines and blanks skipped. */
export function parseMappingRules(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** Hex digest of the definition; 12 characters keep index names short and are plenty here. */
export function definitionHash(settings: unknown, mappings: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ settings, mappings }))
    .digest('hex')
    .slice(0, 12);
}

/** articles.json as read: loosely typed until the rules are in. */
interface DefinitionFile {
  settings?: { analysis?: { char_filter?: Record<string, Record<string, unknown>> } };
  mappings?: estypes.MappingTypeMapping;
}

/** Shards and replicas, from configuration (ES_SHARDS, ES_REPLICAS). */
export interface ShardLayout {
  shards: number;
  /** A count ("1") or an auto-expand range ("0-1", "0-all"). */
  replicas: string;
}

export const layoutOf = (config: Pick<Config, 'ES_SHARDS' | 'ES_REPLICAS'>): ShardLayout => ({
  shards: config.ES_SHARDS,
  replicas: config.ES_REPLICAS,
});

/** ES_REPLICAS as index settings: a fixed count turns auto-expansion off, a range turns it on. */
export function replicaSettings(replicas: string): estypes.IndicesIndexSettings {
  return /^\d+$/.test(replicas)
    ? { number_of_replicas: Number(replicas), auto_expand_replicas: 'false' }
    : { auto_expand_replicas: replicas };
}

/** The defaults (one shard, replicas 0-1): right for one node and for three. */
export const DEFAULT_LAYOUT: ShardLayout = layoutOf(CONFIG_DEFAULTS);

/** Reads no configuration: the caller passes the layout (the indexer's main.ts, from ES_SHARDS and ES_REPLICAS). */
export function loadIndexDefinition(
  dir = MAPPINGS_DIR,
  layout: ShardLayout = DEFAULT_LAYOUT,
): IndexDefinition {
  const file = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')) as DefinitionFile;
  const charFilter = file.settings?.analysis?.char_filter?.[T2S_CHAR_FILTER];
  if (!file.mappings || !charFilter || charFilter.type !== 'mapping') {
    throw new Error(
      `${dir}/articles.json needs mappings and a "${T2S_CHAR_FILTER}" mapping char filter`,
    );
  }
  const rules = parseMappingRules(readFileSync(join(dir, 't2s-mapping.txt'), 'utf8'));
  const settings = {
    number_of_shards: layout.shards,
    ...structuredClone(file.settings),
  } as Required<DefinitionFile>['settings'];
  settings.analysis!.char_filter![T2S_CHAR_FILTER] = { ...charFilter, mappings: rules };
  const hash = definitionHash(settings, file.mappings);
  return {
    settings: settings as estypes.IndicesIndexSettings,
    replicas: replicaSettings(layout.replicas),
    mappings: { ...file.mappings, _meta: { ...file.mappings._meta, definition_hash: hash } },
    hash,
  };
}
