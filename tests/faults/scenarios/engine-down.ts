// d. Elasticsearch stopped (`docker stop`) under a steady trickle of searches, then started
// again. While it is down every search must get its 503 within 1 s; once it is back the API
// must serve again within 5 s, with no restart of the API. Then the same with the engine
// frozen (`docker pause`): after the first timeouts the breaker answers at once.
import { startApi } from '../../../bench/lib/stack';
import { summarizeLatencies } from '../../../bench/lib/stats';
import { docker, type SingleNode } from '../lib/containers';
import type { Recorder } from '../lib/results';
import { seconds, sleep } from '../lib/wait';

interface Sample {
  at: number;
  status: number;
  ms: number;
}

/** One search every `everyMs`, each awaited, until stopped; the samples so far on demand. */
function trickle(apiUrl: string, everyMs = 100) {
  const samples: Sample[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const at = Date.now();
      const started = performance.now();
      const status = await fetch(`${apiUrl}/api/search?q=${encodeURIComponent('明月')}`)
        .then(async (res) => {
          await res.arrayBuffer();
          return res.status;
        })
        .catch(() => 0);
      samples.push({ at, status, ms: performance.now() - started });
      await sleep(everyMs);
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** The first moment from `since` on at which Elasticsearch answers HTTP at all. */
async function answersAgain(url: string, since: number): Promise<number> {
  for (;;) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return Date.now();
    if (Date.now() - since > 240_000) throw new Error('Elasticsearch did not come back in 240 s');
    await sleep(50);
  }
}

const ES_TIMEOUT_MS = 5000;

export async function engineDown(node: SingleNode, alias: string, r: Recorder): Promise<void> {
  const api = await startApi(node.url, alias);
  const load = trickle(api.url);
  await sleep(3000);

  const stoppedAt = Date.now();
  await docker('stop', '-t', '10', node.name);
  const downAt = Date.now();
  await sleep(8000);
  const startAt = Date.now();
  await docker('start', node.name);
  const backAt = await answersAgain(node.url, startAt);
  let servedAt = 0;
  while (!servedAt && Date.now() - backAt < 60_000) {
    servedAt = load.samples.find((s) => s.at >= backAt && s.status === 200)?.at ?? 0;
    await sleep(100);
  }
  await load.stop();

  const down = load.samples.filter((s) => s.at >= downAt && s.at < backAt);
  const downLatency = summarizeLatencies(down.map((s) => s.ms));
  const not503 = down.filter((s) => s.status !== 503).length;
  r.measure('docker stop took (s)', seconds(downAt - stoppedAt));
  r.measure('searches while down', down.length);
  r.check(
    'searches while down answered 503',
    `${down.length - not503}/${down.length}`,
    'all',
    not503 === 0 && down.length > 0,
  );
  r.check(
    'slowest 503 while down (p50 / max)',
    `${downLatency.p50.toFixed(1)} / ${downLatency.max.toFixed(1)} ms`,
    '< 1000 ms',
    downLatency.max < 1000,
  );
  const slowest = down.reduce((a, b) => (b.ms > a.ms ? b : a), down[0]!);
  r.measure(
    'slowest 503 while down: when',
    slowest.at < startAt
      ? `${seconds(slowest.at - downAt)} s after the stop`
      : `${seconds(slowest.at - startAt)} s after docker start (Elasticsearch starting)`,
  );
  r.measure('from docker start to Elasticsearch answering (s)', seconds(backAt - startAt));
  const serveAgain = servedAt ? servedAt - backAt : NaN;
  r.check(
    'from Elasticsearch answering to the API serving',
    servedAt ? `${seconds(serveAgain)} s` : 'never (60 s)',
    '≤ 5 s',
    servedAt > 0 && serveAgain <= 5000,
  );

  // Frozen: the process is there and accepts connections, but never answers.
  const frozen = trickle(api.url, 200);
  await sleep(1000);
  const pausedAt = Date.now();
  await docker('pause', node.name);
  await sleep(2 * ES_TIMEOUT_MS + 3000);
  await docker('unpause', node.name);
  const unpausedAt = Date.now();
  let frozenServedAt = 0;
  while (!frozenServedAt && Date.now() - unpausedAt < 60_000) {
    frozenServedAt = frozen.samples.find((s) => s.at >= unpausedAt && s.status === 200)?.at ?? 0;
    await sleep(100);
  }
  await frozen.stop();
  const during = frozen.samples.filter((s) => s.at >= pausedAt && s.at < unpausedAt);
  const waited = during.filter((s) => s.ms >= ES_TIMEOUT_MS - 100).length;
  const fast = during.filter((s) => s.ms < 1000);
  r.measure('searches while frozen', during.length);
  r.check(
    'while frozen: searches that waited the timeout (5 s), the rest answered at once',
    `${waited} waited, ${fast.length} under 1 s`,
    'at most 2 waited',
    waited <= 2 && fast.every((s) => s.status === 503),
  );
  r.check(
    'from unpause to the API serving',
    frozenServedAt ? `${seconds(frozenServedAt - unpausedAt)} s` : 'never (60 s)',
    '≤ 5 s',
    frozenServedAt > 0 && frozenServedAt - unpausedAt <= 5000,
  );
}
