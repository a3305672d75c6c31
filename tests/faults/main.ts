// `npm run test:faults [-- a b c d e]`: the fault scenarios against real containers (all five
// unless some are named). a, b and d run on one node, c on the three-node cluster of
// docker-compose.cluster.yml, e on one node with a small data volume. Each prints what it
// measured; the results go to bench/results/faults.json and faults.md (the scenarios not run
// keep their previous results). Exits 1 when a check failed. tests/faults/run.sh installs what
// is missing and builds first.
import { cpus, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { inputFor, prepareCorpus } from '../../bench/lib/corpus';
import { runCleanups } from '../../bench/lib/stack';
import { esVersion, ROOT } from '../../src/config';
import { type Cluster, type SingleNode, startCluster, startNode } from './lib/containers';
import { Recorder, saveResults, type ScenarioId, type ScenarioResult } from './lib/results';
import { diskFull } from './scenarios/disk-full';
import { engineDown } from './scenarios/engine-down';
import { type Corpus, indexerKilled } from './scenarios/indexer-killed';
import { nodeLost } from './scenarios/node-lost';
import { nodeRestarted } from './scenarios/node-restarted';

const TITLES: Record<ScenarioId, string> = {
  a: 'Indexer killed (kill -9) mid-rebuild',
  b: 'Node restarted mid-indexing',
  c: 'Node lost under load (8 connections, 60 s)',
  d: 'Engine down and back; frozen and back',
  e: 'Disk full (flood-stage watermark)',
};

/** Articles per scenario: enough for a rebuild to last a few seconds on two cores. */
const DOCS = Number(process.env.FAULTS_DOCS ?? 20_000);

const log = (line: string) => console.error(`[faults] ${line}`);

// The load of scenario c comes from one client, which the API's per-client rate limit would
// answer with 429s: it measures the failover, not the limit.
process.env.RATE_LIMIT_MAX = '0';

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

async function scenario(
  id: ScenarioId,
  nodes: number,
  body: (r: Recorder) => Promise<void>,
): Promise<ScenarioResult> {
  log(`${id}. ${TITLES[id]} (${nodes} node${nodes > 1 ? 's' : ''})`);
  const started = Date.now();
  const loadAtStart = Math.round(loadavg()[0]! * 10) / 10;
  const r = new Recorder();
  try {
    await body(r);
  } catch (error) {
    r.check(
      'the scenario ran to its end',
      // One line: the table's cell (a compose failure brings a Python traceback).
      (error as Error).message.replace(/\s+/g, ' ').slice(0, 300),
      'no error',
      false,
    );
  }
  const result: ScenarioResult = {
    id,
    title: TITLES[id],
    nodes,
    passed: r.checks.every((c) => c.ok),
    seconds: Math.round((Date.now() - started) / 1000),
    checks: r.checks,
    measurements: r.measurements,
    date: new Date().toISOString(),
    machine: { cores: cpus().length, loadAtStart, commit: commit(), elasticsearch: esVersion() },
  };
  log(`${id}: ${result.passed ? 'passed' : 'FAILED'} in ${result.seconds} s`);
  return result;
}

async function main(argv: string[]): Promise<number> {
  const all: ScenarioId[] = ['a', 'b', 'c', 'd', 'e'];
  const wanted = argv.length > 0 ? argv.map((a) => a.toLowerCase()) : all;
  const unknown = wanted.filter((a) => !all.includes(a as ScenarioId));
  if (unknown.length > 0) {
    console.error(`unknown scenario(s): ${unknown.join(', ')}; choose among ${all.join(' ')}`);
    return 2;
  }
  const run = (id: ScenarioId) => wanted.includes(id);
  const manifest = await prepareCorpus(log);
  const input = inputFor(manifest, DOCS);
  const corpus: Corpus = { paths: input.paths, docs: input.docs };
  const results: ScenarioResult[] = [];

  if (run('a') || run('b') || run('d')) {
    const started = Date.now();
    const node: SingleNode = await startNode({ name: 'es' });
    log(`one node up in ${Math.round((Date.now() - started) / 1000)} s: ${node.url}`);
    try {
      if (run('a')) results.push(await scenario('a', 1, (r) => indexerKilled(node, corpus, r)));
      if (run('d')) {
        results.push(
          await scenario('d', 1, async (r) => {
            // The API needs a live alias: a's, or one built here.
            if (!run('a')) {
              const { indexToEnd } = await import('./lib/processes');
              await indexToEnd(node.url, 'faults-a', inputFor(manifest, 1000).paths);
            }
            await engineDown(node, 'faults-a', r);
          }),
        );
      }
      if (run('b')) results.push(await scenario('b', 1, (r) => nodeRestarted(node, corpus, r)));
    } finally {
      await runCleanups();
      await node.remove();
    }
  }

  if (run('e')) {
    const bigger = inputFor(manifest, 2 * DOCS);
    const small = inputFor(manifest, DOCS / 4);
    results.push(
      await scenario('e', 1, async (r) => {
        const node = await startNode({
          name: 'es-small-disk',
          dataTmpfs: process.env.FAULTS_DISK ?? '384m',
          // Disk usage read every 10 s (the least Elasticsearch takes) instead of every 30 s, and
          // the watermarks lowered (high 85 %, flood stage 87 % instead of 90 and 95 %), so that
          // the flood stage is seen with 13 % of the disk still free: the writes of the 10 s
          // before it is seen must not fill the disk itself (a full disk fails shards).
          env: {
            'cluster.info.update.interval': '10s',
            'cluster.routing.allocation.disk.watermark.low': '80%',
            'cluster.routing.allocation.disk.watermark.high': '85%',
            'cluster.routing.allocation.disk.watermark.flood_stage': '87%',
          },
        });
        try {
          await diskFull(
            node,
            { paths: small.paths, docs: small.docs },
            { paths: bigger.paths, docs: bigger.docs },
            r,
          );
        } finally {
          await node.remove();
        }
      }),
    );
  }

  if (run('c')) {
    results.push(
      await scenario('c', 3, async (r) => {
        const started = Date.now();
        const cluster: Cluster = await startCluster();
        r.measure('cluster up and green (s)', Math.round((Date.now() - started) / 1000));
        try {
          await nodeLost(cluster, corpus, r);
        } finally {
          await runCleanups();
          await cluster.remove();
        }
      }),
    );
  }

  const table = await saveResults(results);
  log('wrote bench/results/faults.json and bench/results/faults.md');
  process.stdout.write(`\n${table}`);
  return results.every((r) => r.passed) ? 0 : 1;
}

void main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => runCleanups());
