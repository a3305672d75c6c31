// c. One of three nodes killed (`docker kill`, SIGKILL) under a steady query load through the
// API (8 connections, 60 s), then started again. Measured: requests that did not answer 200
// (target 0), p99 overall and around the failover, and the time until the cluster is green.
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { startApi } from '../../../bench/lib/stack';
import { QUERY_MIX } from '../../../bench/lib/queries';
import { summarizeLatencies } from '../../../bench/lib/stats';
import { aliasTarget, count } from '../lib/checks';
import { type Cluster, docker, type NodeName } from '../lib/containers';
import { indexToEnd } from '../lib/processes';
import type { Recorder } from '../lib/results';
import type { Corpus } from './indexer-killed';
import { seconds, sleep } from '../lib/wait';

interface Response {
  at: number;
  status: number;
  ms: number;
}

const CONNECTIONS = 8;
const DURATION_S = 60;
/** Load before the measured minute, not counted: the API's and the engine's first searches
 * (cold caches, a JIT not yet warm) are not the failover's. */
const WARMUP_S = 10;
const KILL_AT_S = 15;
const RESTART_AT_S = 35;
/** The failover window: from the kill, this long. */
const WINDOW_MS = 10_000;

/** The node holding the primary of shard 0: the worst one to lose. */
async function primaryHolder(cluster: Cluster, index: string): Promise<NodeName> {
  const shards = await cluster.client.cat.shards({ index, format: 'json', h: 'shard,prirep,node' });
  const primary = shards.find((s) => s.prirep === 'p' && s.shard === '0');
  return (primary?.node ?? 'es01') as NodeName;
}

/** Cluster health every 250 ms: the moments it changed. */
function watchHealth(cluster: Cluster) {
  const changes: { at: number; status: string }[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const status = await cluster.client.cluster
        .health({ timeout: '1s' }, { requestTimeout: 2000 })
        .then(
          (h) => String(h.status),
          () => 'unreachable',
        );
      if (changes.at(-1)?.status !== status) changes.push({ at: Date.now(), status });
      await sleep(250);
    }
  })();
  return {
    changes,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** The API's /readyz every 500 ms: how often each answer came (status and HTTP code). */
function watchReadyz(url: string) {
  const seen = new Map<string, number>();
  let running = true;
  const done = (async () => {
    while (running) {
      const answer = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5000) }).then(
        async (res) => `${((await res.json()) as { status: string }).status} (${res.status})`,
        () => 'no answer',
      );
      seen.set(answer, (seen.get(answer) ?? 0) + 1);
      await sleep(500);
    }
  })();
  return {
    seen,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

export async function nodeLost(cluster: Cluster, corpus: Corpus, r: Recorder): Promise<void> {
  const alias = 'faults-c';
  const built = await indexToEnd(cluster.esUrl, alias, corpus.paths);
  r.measure('index build on three nodes (s)', seconds(built.ms));
  const [index] = await aliasTarget(cluster.client, alias);
  await cluster.client.cluster.health({ index: alias, wait_for_status: 'green', timeout: '120s' });
  const settings = await cluster.client.indices.getSettings({ index: index! });
  const replicas = settings[index!]?.settings?.index?.number_of_replicas;
  r.measure('replicas of the index (auto-expanded)', String(replicas));
  const n = await count(cluster.client, alias);
  r.check('articles on the cluster', n, String(corpus.docs), n === corpus.docs);
  const victim = await primaryHolder(cluster, index!);
  const victimId = await cluster.container(victim);
  r.measure('node killed (holds the primary)', victim);

  const api = await startApi(cluster.esUrl, alias);
  const requests = QUERY_MIX.map((query) => ({
    method: 'GET' as const,
    path: `/api/search?${new URLSearchParams(query.params)}`,
  }));
  await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      { url: api.url, connections: CONNECTIONS, duration: WARMUP_S, requests, timeout: 30 },
      (error, res) => (error ? reject(error) : resolve(res)),
    ),
  );
  const responses: Response[] = [];
  const health = watchHealth(cluster);
  const readyz = watchReadyz(api.url);
  const loadStart = Date.now();
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: api.url, connections: CONNECTIONS, duration: DURATION_S, requests, timeout: 30 },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    (instance as unknown as EventEmitter).on(
      'response',
      (_client: unknown, status: number, _bytes: number, ms: number) =>
        responses.push({ at: Date.now(), status, ms }),
    );
  });
  await sleep(KILL_AT_S * 1000);
  const killAt = Date.now();
  await docker('kill', victimId);
  await sleep(Math.max(0, loadStart + RESTART_AT_S * 1000 - Date.now()));
  const restartAt = Date.now();
  await docker('start', victimId);
  const load = await result;

  // Green again: the restarted node back and its copies recovered.
  let greenAt = 0;
  while (!greenAt && Date.now() - restartAt < 300_000) {
    greenAt = health.changes.find((c) => c.at > restartAt && c.status === 'green')?.at ?? 0;
    await sleep(250);
  }
  await health.stop();
  await readyz.stop();

  const failed = responses.filter((x) => x.status !== 200).length + load.errors + load.timeouts;
  const all = summarizeLatencies(responses.map((x) => x.ms));
  const window = summarizeLatencies(
    responses.filter((x) => x.at >= killAt && x.at < killAt + WINDOW_MS).map((x) => x.ms),
  );
  const rejoin = summarizeLatencies(
    responses.filter((x) => x.at >= restartAt && x.at < restartAt + WINDOW_MS).map((x) => x.ms),
  );
  const yellowAt = health.changes.find((c) => c.at >= killAt && c.status !== 'green')?.at;
  const answers = [...readyz.seen].map(([answer, n]) => `${answer} ×${n}`).join(', ');
  const notServing = [...readyz.seen.keys()].filter((answer) => !answer.endsWith('(200)'));
  r.check(
    '/readyz while a node was lost (every 500 ms)',
    answers,
    'ready or degraded (200), never 503',
    notServing.length === 0 && readyz.seen.size > 0,
  );
  const byStatus = new Map<number, number>();
  for (const x of responses) byStatus.set(x.status, (byStatus.get(x.status) ?? 0) + 1);
  r.measure(
    'answers by HTTP status',
    [...byStatus].map(([status, n]) => `${status} ×${n}`).join(', '),
  );
  const failedIn = (from: number, to: number) =>
    responses.filter((x) => x.status !== 200 && x.at >= from && x.at < to).length;
  r.measure(
    'non-200 before the kill / kill to restart / after the restart',
    `${failedIn(0, killAt)} / ${failedIn(killAt, restartAt)} / ${failedIn(restartAt, Infinity)}`,
  );
  r.measure('requests', responses.length);
  r.measure('requests per second', Math.round(responses.length / load.duration));
  r.check(
    'failed requests (non-200, errors, timeouts)',
    `${failed} of ${responses.length + load.errors}`,
    '0',
    failed === 0,
  );
  r.check(
    'p99 over the whole run',
    `${all.p99.toFixed(0)} ms (p50 ${all.p50.toFixed(0)})`,
    'reported',
    true,
  );
  r.check(
    `p99 in the ${WINDOW_MS / 1000} s after the kill`,
    `${window.p99.toFixed(0)} ms (max ${window.max.toFixed(0)}, ${window.count} requests)`,
    'reported',
    true,
  );
  r.measure(`p99 in the ${WINDOW_MS / 1000} s after the restart (ms)`, Math.round(rejoin.p99));
  r.measure(
    'cluster not green after the kill (s)',
    yellowAt ? seconds(yellowAt - killAt) : 'not seen',
  );
  r.measure(
    'health changes',
    health.changes.map((c) => `${seconds(c.at - loadStart)} s ${c.status}`).join(', '),
  );
  const stats = await cluster.client.nodes.stats({ metric: 'jvm' });
  const heaps = Object.values(stats.nodes).map(
    (n) =>
      `${n.name}: ${Math.round((n.jvm?.mem?.heap_used_in_bytes ?? 0) / 2 ** 20)} of ` +
      `${Math.round((n.jvm?.mem?.heap_max_in_bytes ?? 0) / 2 ** 20)} MiB`,
  );
  r.measure('heap used after the load', heaps.sort().join(', '));
  r.check(
    'from `docker start` of the node to green',
    greenAt ? `${seconds(greenAt - restartAt)} s` : 'not green in 300 s',
    'green again',
    greenAt > 0,
  );
}
