// b. An Elasticsearch node restarted (`docker restart`) while the indexer builds an index.
// The indexer must finish by itself (it retries for INDEX_RETRY_SECONDS, 300 by default, and
// waits for its index to be yellow before sending the batch again) and the counts add up.
import { aliasTarget, count, duplicateIds, indexedSoFar, otherIndices } from '../lib/checks';
import { docker, type SingleNode, waitForHealth } from '../lib/containers';
import { startIndexer } from '../lib/processes';
import type { Recorder } from '../lib/results';
import type { Corpus } from './indexer-killed';
import { seconds, waitFor } from '../lib/wait';

/** The indexer's report line "  <label>: <n>". */
function reported(stdout: string, label: string): number | undefined {
  const m = new RegExp(`^\\s*${label}:\\s+(\\d+)`, 'm').exec(stdout);
  return m ? Number(m[1]) : undefined;
}

export async function nodeRestarted(node: SingleNode, corpus: Corpus, r: Recorder): Promise<void> {
  const alias = 'faults-b';
  const run = startIndexer(node.url, alias, corpus.paths);
  let fresh = '';
  await waitFor(
    async () => {
      [fresh = ''] = await otherIndices(node.client, alias, []);
      return fresh !== '' && (await indexedSoFar(node.client, fresh)) >= corpus.docs / 4;
    },
    { timeoutMs: 120_000, stepMs: 50, what: 'the indexer to get a quarter of the way' },
  );
  const restartAt = Date.now();
  await docker('restart', node.name);
  await waitForHealth(node.client);
  r.measure('node restart: from `docker restart` to yellow (s)', seconds(Date.now() - restartAt));
  const exit = await run.ended;
  r.measure('indexer run, restart included (s)', seconds(exit.ms));
  const retried = /^retried:\s+(\d+) failed requests.* for ([\d.]+) s/m.exec(exit.stdout);
  r.check(
    'the indexer rode out the restart (requests retried; longest failing)',
    retried ? `${retried[1]} retried; ${retried[2]} s` : 'no retries reported',
    'retried, within INDEX_RETRY_SECONDS (300 s)',
    retried !== null,
  );
  r.check('the indexer finished by itself', `exit ${exit.code}`, 'exit 0', exit.code === 0);
  if (exit.code !== 0) r.measure('indexer output', (exit.stdout + exit.stderr).slice(-600));
  const indexed = reported(exit.stdout, 'indexed');
  r.check(
    'indexed, as the report says',
    indexed ?? 'no report',
    String(corpus.docs),
    indexed === corpus.docs,
  );
  const target = await aliasTarget(node.client, alias);
  const n = target.length === 1 ? await count(node.client, alias) : 0;
  r.check('articles behind the alias', n, `${corpus.docs} (the corpus)`, n === corpus.docs);
  const dups = target.length === 1 ? await duplicateIds(node.client, alias) : -1;
  r.check('ids held twice', dups, '0', dups === 0);
}
