// e. The disk fills up during a rebuild. Elasticsearch's data folder is a small tmpfs; a
// ballast file takes it to just under the high watermark (85 % here, main.ts lowers it), and
// the rebuild's writes carry it over the flood stage (87 %), where Elasticsearch blocks writes. The indexer must
// stop with an error naming the cause and exit non-zero, the live index must stay whole, and
// once the ballast is gone (the block lifts by itself) a rerun must complete.
import { aliasTarget, count } from '../lib/checks';
import { docker, type SingleNode } from '../lib/containers';
import { indexToEnd, startIndexer } from '../lib/processes';
import type { Recorder } from '../lib/results';
import type { Corpus } from './indexer-killed';
import { seconds, waitFor } from '../lib/wait';

const DATA = '/usr/share/elasticsearch/data';
/** Free space left by the ballast: above the high watermark's 15 %, so the new index is placed. */
const HEADROOM = 0.16;

async function disk(node: SingleNode): Promise<{ size: number; avail: number }> {
  const out = await docker('exec', node.name, 'df', '-B1', '--output=size,avail', DATA);
  const [size, avail] = out.split('\n')[1]!.trim().split(/\s+/).map(Number);
  return { size: size!, avail: avail! };
}

export async function diskFull(
  node: SingleNode,
  live: Corpus,
  bigger: Corpus,
  r: Recorder,
): Promise<void> {
  const alias = 'faults-e';
  await indexToEnd(node.url, alias, live.paths);
  const [liveIndex] = await aliasTarget(node.client, alias);
  const before = await count(node.client, alias);
  r.check('articles live before', before, String(live.docs), before === live.docs);

  const { size, avail } = await disk(node);
  const ballastMiB = Math.floor((avail - HEADROOM * size) / 2 ** 20);
  await docker(
    'exec',
    node.name,
    'dd',
    'if=/dev/zero',
    `of=${DATA}/ballast`,
    'bs=1M',
    `count=${ballastMiB}`,
  );
  const filled = await disk(node);
  r.measure('data volume (MiB)', Math.round(size / 2 ** 20));
  r.measure('used after the ballast (%)', Math.round((1 - filled.avail / size) * 1000) / 10);

  const run = startIndexer(node.url, alias, bigger.paths, ['--rebuild']);
  const exit = await run.ended;
  const output = exit.stdout + exit.stderr;
  const full = await disk(node);
  // The indexer deleted its half-built index on the way out: the space it took is free again.
  r.measure(
    'used after the indexer stopped, its index deleted (%)',
    Math.round((1 - full.avail / size) * 1000) / 10,
  );
  r.measure('indexer run until it stopped (s)', seconds(exit.ms));
  r.check(
    'the indexer exited non-zero',
    `exit ${exit.code}`,
    'non-zero',
    exit.code !== 0 && exit.code !== null,
  );
  const cause = /^aborted: (.*)$/m.exec(exit.stdout)?.[1] ?? output.slice(-300);
  r.check(
    'its error names the cause',
    cause.slice(0, 160),
    'disk full / flood-stage watermark',
    /disk full/.test(cause) && /flood-stage/.test(cause),
  );
  const target = await aliasTarget(node.client, alias);
  const during = await count(node.client, alias);
  r.check(
    'live index untouched (alias, articles)',
    `${target[0] === liveIndex ? 'same index' : `moved to ${target.join(',')}`}, ${during}`,
    `same index, ${live.docs}`,
    target.length === 1 && target[0] === liveIndex && during === live.docs,
  );

  const freedAt = Date.now();
  await docker('exec', node.name, 'rm', `${DATA}/ballast`);
  // Elasticsearch lifts its block by itself once the disk is below the high watermark.
  const lifted = await waitFor(
    async () => {
      const s = await node.client.indices.getSettings({ index: liveIndex!, flat_settings: true });
      return (
        s[liveIndex!]?.settings?.['index.blocks.read_only_allow_delete' as never] === undefined
      );
    },
    { timeoutMs: 120_000, stepMs: 500, what: 'the flood-stage block to lift' },
  );
  r.measure('block lifted after freeing space (s)', seconds(lifted));
  const rerun = await indexToEnd(node.url, alias, bigger.paths, ['--rebuild']);
  r.measure('rerun (s)', seconds(rerun.ms));
  const after = await count(node.client, alias);
  r.check('articles after the rerun', after, String(bigger.docs), after === bigger.docs);
  r.measure('from freeing space to rerun done (s)', seconds(Date.now() - freedAt));
}
