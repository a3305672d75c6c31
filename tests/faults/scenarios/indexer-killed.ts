// a. The indexer killed (kill -9) halfway through a rebuild. The alias must keep serving the
// old index the whole time; the rerun must end with exactly the corpus's articles, each once.
import { startApi } from '../../../bench/lib/stack';
import { aliasTarget, count, duplicateIds, indexedSoFar, otherIndices } from '../lib/checks';
import type { SingleNode } from '../lib/containers';
import { indexToEnd, startIndexer } from '../lib/processes';
import type { Recorder } from '../lib/results';
import { seconds, sleep, waitFor } from '../lib/wait';

export interface Corpus {
  paths: string[];
  /** Articles the indexer reads from `paths`. */
  docs: number;
}

/** Requests to the API and the alias's target and count, every 100 ms, until stopped. */
function watchAlias(
  node: SingleNode,
  apiUrl: string,
  alias: string,
  live: string,
  expected: number,
) {
  const seen = { samples: 0, badStatus: 0, wrongTarget: 0, wrongCount: 0 };
  let running = true;
  const done = (async () => {
    while (running) {
      const res = await fetch(`${apiUrl}/api/search?q=${encodeURIComponent('月')}`).catch(
        () => undefined,
      );
      if (res?.status !== 200) seen.badStatus += 1;
      await res?.arrayBuffer();
      const target = await aliasTarget(node.client, alias);
      if (target.length !== 1 || target[0] !== live) seen.wrongTarget += 1;
      // The alias's own count: what a search would see (refreshing it does not touch the new index).
      const n = (await node.client.count({ index: alias })).count;
      if (n !== expected) seen.wrongCount += 1;
      seen.samples += 1;
      await sleep(100);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return seen;
    },
  };
}

export async function indexerKilled(node: SingleNode, corpus: Corpus, r: Recorder): Promise<void> {
  const alias = 'faults-a';
  const first = await indexToEnd(node.url, alias, corpus.paths);
  const [live] = await aliasTarget(node.client, alias);
  const before = await count(node.client, alias);
  r.measure('first build (s)', seconds(first.ms));
  r.check(
    'articles live before the rebuild',
    before,
    `${corpus.docs} (the corpus)`,
    before === corpus.docs,
  );

  const api = await startApi(node.url, alias);
  const watch = watchAlias(node, api.url, alias, live!, before);
  const rebuild = startIndexer(node.url, alias, corpus.paths, ['--rebuild']);
  let fresh = '';
  await waitFor(
    async () => {
      [fresh = ''] = await otherIndices(node.client, alias, [live!]);
      return fresh !== '' && (await indexedSoFar(node.client, fresh)) >= corpus.docs / 2;
    },
    { timeoutMs: 120_000, stepMs: 50, what: 'the rebuild to get halfway' },
  );
  const killedAt = Date.now();
  rebuild.child.kill('SIGKILL');
  const killed = await rebuild.ended;
  const atKill = await indexedSoFar(node.client, fresh);
  r.measure('indexed into the new index when killed', atKill);
  r.check(
    'the indexer died of SIGKILL',
    killed.signal ?? `exit ${killed.code}`,
    'SIGKILL',
    killed.signal === 'SIGKILL',
  );
  // Keep watching a moment after the kill, then stop.
  await sleep(1000);
  const seen = await watch.stop();
  r.measure('alias samples during rebuild and kill', seen.samples);
  r.check(
    'API searches during the rebuild and after the kill',
    `${seen.samples - seen.badStatus}/${seen.samples} answered 200`,
    'all 200',
    seen.badStatus === 0 && seen.samples > 0,
  );
  r.check(
    'alias on the old index, with every article, throughout',
    `${seen.samples - seen.wrongTarget - seen.wrongCount}/${seen.samples} samples`,
    'all samples',
    seen.wrongTarget === 0 && seen.wrongCount === 0,
  );

  const rerun = await indexToEnd(node.url, alias, corpus.paths, ['--rebuild']);
  r.measure('rerun (s)', seconds(rerun.ms));
  r.measure('from kill to rerun done (s)', seconds(Date.now() - killedAt));
  const after = await count(node.client, alias);
  const dups = await duplicateIds(node.client, alias);
  r.check('articles after the rerun', after, `${corpus.docs} (the corpus)`, after === corpus.docs);
  r.check('ids held twice', dups, '0', dups === 0);
  // The killed run could not clean up; the rerun names its half-built index as a stray.
  const strayNamed = rerun.stdout.includes(fresh);
  r.check(
    "the killed run's half-built index named by the rerun",
    strayNamed ? fresh : 'not named',
    'named',
    strayNamed,
  );
  await node.client.indices.delete({ index: fresh }, { ignore: [404] });
}
