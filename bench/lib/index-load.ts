// Runs a load (lib/index-load-child.ts) in a process of its own, and builds the index that the
// search and relevance benches query.
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { ROOT } from '../../src/config';
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
