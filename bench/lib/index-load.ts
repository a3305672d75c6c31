// Runs a load (lib/index-load-child.ts) in a process of its own, and builds the index that the
// search and relevance benches query.
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { ROOT } from '../../src/config';
import { loadIndexDefinition } from '../../src/indexer/definition';
import { createIndex, finishLoading } from '../../src/indexer/es';
import { load } from './raw-load';
import { inputFor, WORK_DIR, type CorpusManifest } from './corpus';
import type { LoadRequest, LoadResult } from './index-load-child';
import type { Size } from './options';

export const PROFILE_DIR = join(WORK_DIR, 'profiles');

/** The Node flags `npm run index` runs the indexer with (package.json), for the pipeline load. */
export function indexerNodeFlags(): string[] {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  return (scripts.index ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}

/** Runs one load in a child process and waits for its result; `profile` names a CPU profile. */
export function runLoadChild(request: LoadRequest, profile?: string): Promise<LoadResult> {
  const execArgv = request.mode === 'pipeline' ? indexerNodeFlags() : [];
  if (profile) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${profile}`);
  }
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'index-load-child.ts'), [], {
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: LoadResult | undefined;
    child.once('message', (message: LoadResult) => (result = message));
    child.once('error', reject);
    child.once('exit', (code) =>
      result ? resolve(result) : reject(new Error(`the ${request.mode} load exited with ${code}`)),
    );
    child.send(request);
  });
}

/**
 * Indexes the first `size` documents into `alias` through the pipeline, then merges the index
 * to one segment, so that search figures do not depend on where background merging stands.
 */
export async function buildSearchIndex(
  client: Client,
  esUrl: string,
  manifest: CorpusManifest,
  size: Size,
  alias: string,
  options: { stories?: boolean } = {},
): Promise<{ docs: number; seconds: number }> {
  const input = inputFor(manifest, size);
  const result = await runLoadChild({
    mode: 'pipeline',
    esUrl,
    target: alias,
    paths: input.paths,
    ...(options.stories === false && { stories: false }),
  });
  if (result.error) throw new Error(`indexing for the search bench: ${result.error}`);
  await client.indices.forcemerge({ index: alias, max_num_segments: 1 });
  await client.indices.refresh({ index: alias });
  return { docs: result.docs, seconds: result.elapsedMs / 1000 };
}

/**
 * The same documents as ready-made bulk bodies (bench:index's raw load) into an index made
 * with today's definition, behind `alias`, merged to one segment. Each document is its own
 * story (story_id = its id, as the indexer writes it before comparing): the pipeline's story
 * grouping is left out, which made the full corpus take half an hour through the pipeline on
 * the shared machine (~150 docs/s) instead of a few minutes. The searches do the same work
 * (collapse, versions, story counts); bench:stories-cost found 19,967 matches in 19,941
 * stories, so the grouping changes almost nothing of what is searched.
 */
export async function buildRawSearchIndex(
  client: Client,
  manifest: CorpusManifest,
  size: Size,
  alias: string,
): Promise<{ docs: number; seconds: number }> {
  const input = inputFor(manifest, size);
  const definition = loadIndexDefinition();
  const index = `${alias}-raw`;
  const started = performance.now();
  await createIndex(client, index, definition);
  await load(client, index, input.rawPaths);
  await finishLoading(client, index, definition);
  await client.indices.putAlias({ index, name: alias });
  const seconds = (performance.now() - started) / 1000;
  await client.indices.forcemerge({ index, max_num_segments: 1 });
  await client.indices.refresh({ index });
  return { docs: (await client.count({ index })).count, seconds };
}
