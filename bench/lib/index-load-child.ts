// One load, in a process of its own so that its peak memory is its own: either the full
// pipeline (runIndexer: normalize, map, skip unchanged, bulk, swap the alias) or the raw load
// (ready-made bulk bodies straight to Elasticsearch). Started by bench/index.ts over IPC.
//
// It runs the build in dist/ (bench/run.sh builds it), as `npm run index` does, under Node's
// own type stripping rather than ts-node: no TypeScript compiler in the process, so its memory
// is the indexer's. Hence `require` of dist/ with the types of src/, and type-only imports.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { Client as ClientType, estypes } from '@elastic/elasticsearch';
const { createReadStream, readFileSync } = require('node:fs') as typeof import('node:fs');
const { createInterface } = require('node:readline') as typeof import('node:readline');
const { loadConfig } = require('../../dist/config') as typeof import('../../src/config');
const { createIndexerClient } =
  require('../../dist/elasticsearch') as typeof import('../../src/elasticsearch');
const { loadIndexDefinition } =
  require('../../dist/indexer/definition') as typeof import('../../src/indexer/definition');
const { createIndex, finishLoading } =
  require('../../dist/indexer/es') as typeof import('../../src/indexer/es');
type Client = ClientType;

export interface LoadRequest {
  mode: 'pipeline' | 'raw';
  esUrl: string;
  /** The alias (pipeline) or the index (raw) to fill. */
  target: string;
  paths: string[];
  /** Bulk requests in flight at once: the raw load's (default 1), or the pipeline's
   * INDEX_BULK_IN_FLIGHT (its default when unset). */
  inFlight?: number;
  /** The pipeline without stories (no fingerprints, no grouping), to measure what they cost. */
  stories?: boolean;
}

export interface LoadResult {
  elapsedMs: number;
  docs: number;
  failed: number;
  /** Resident memory once everything is loaded, before the run, and its peak (VmHWM). */
  baseRssBytes: number;
  peakRssBytes: number;
  /** CPU time (user + system) the process spent on the load. */
  cpuMs: number;
  /** Why the load stopped or what it failed on, when it did. */
  error?: string;
  /** Where the load's time went, as seen from its requests to Elasticsearch. */
  requests: RequestTimes;
}

export interface RequestTimes {
  /** Milliseconds requests of each kind were open (bulk, mget, other), overlaps counted twice. */
  openMs: Record<string, number>;
  count: Record<string, number>;
  /** Milliseconds with no request open: the engine had nothing of ours to work on. */
  idleMs: number;
}

/** Times the client's requests from its diagnostic events. */
function timeRequests(client: Client): (elapsedMs: number) => RequestTimes {
  const open = new Map<unknown, { kind: string; start: number }>();
  const times: RequestTimes = { openMs: {}, count: {}, idleMs: 0 };
  let busySince = 0;
  let busyMs = 0;
  client.diagnostic.on('request', (_error, event) => {
    const path = event?.meta.request.params.path ?? '';
    const kind = /\/_bulk$/.test(path) ? 'bulk' : /\/_mget$/.test(path) ? 'mget' : 'other';
    if (open.size === 0) busySince = performance.now();
    open.set(event?.meta.request.id, { kind, start: performance.now() });
  });
  client.diagnostic.on('response', (_error, event) => {
    const request = open.get(event?.meta.request.id);
    if (!request) return;
    open.delete(event?.meta.request.id);
    const now = performance.now();
    times.openMs[request.kind] = (times.openMs[request.kind] ?? 0) + now - request.start;
    times.count[request.kind] = (times.count[request.kind] ?? 0) + 1;
    if (open.size === 0) busyMs += now - busySince;
  });
  return (elapsedMs) => ({ ...times, idleMs: elapsedMs - busyMs });
}

/** A field of /proc/self/status in bytes (Linux); the resource usage peak elsewhere. */
function memory(field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (kb) return Number(kb[1]) * 1024;
  } catch {
    // Not Linux.
  }
  return field === 'VmHWM' ? process.resourceUsage().maxRSS * 1024 : process.memoryUsage().rss;
}

type Outcome = Pick<LoadResult, 'docs' | 'failed' | 'error'>;
type RunIndexer = (typeof import('../../src/indexer/indexer'))['runIndexer'];

/** The configuration `npm run index` runs with: its defaults, the bench's cluster. */
const config = (req: LoadRequest) => loadConfig({ ES_URL: req.esUrl, ES_INDEX: req.target });

/** The pipeline as `npm run index` runs it. */
async function pipeline(
  req: LoadRequest,
  client: Client,
  runIndexer: RunIndexer,
): Promise<Outcome> {
  const { ES_INDEX, INDEX_BATCH_DOCS, INDEX_BATCH_BYTES } = config(req);
  const report = await runIndexer({
    client,
    alias: ES_INDEX,
    paths: req.paths,
    batch: { maxDocs: INDEX_BATCH_DOCS, maxBytes: INDEX_BATCH_BYTES },
    ...(req.inFlight !== undefined && { inFlight: req.inFlight }),
    ...(req.stories === false && { stories: false }),
  });
  const first = report.failures[0];
  const error =
    report.aborted ?? (first ? `${report.failed} failed, e.g. ${first.reason}` : undefined);
  return { docs: report.indexed, failed: report.failed + report.filesFailed, error };
}

/**
 * The raw load: bulk bodies read from disk and sent as they are, shaped like the indexer's
 * (the same batch limits, by default one request in flight while the next batch is read, and
 * the indexer's own calls to create the index with refresh off and to finish the load), so
 * the difference is what our pipeline does to the documents.
 */
async function raw(req: LoadRequest, client: Client): Promise<Outcome> {
  const { INDEX_BATCH_DOCS, INDEX_BATCH_BYTES } = config(req);
  const definition = loadIndexDefinition();
  let docs = 0;
  let failed = 0;
  let failedRequests = 0;
  let firstError: string | undefined;
  const inFlight = new Set<Promise<void>>();
  const send = async (body: string) => {
    while (inFlight.size >= (req.inFlight ?? 1)) await Promise.race(inFlight);
    const request = client.transport
      .request<estypes.BulkResponse>({
        method: 'POST',
        path: `/${req.target}/_bulk`,
        bulkBody: body,
      })
      .then((res) => {
        for (const item of res.items) {
          const result = item.index!;
          if (result.error) {
            failed++;
            firstError ??= `${result.error.type}: ${result.error.reason}`;
          } else docs++;
        }
      })
      // A failed request is counted, not thrown: its batch is missing from `docs`.
      .catch((error: unknown) => {
        failedRequests++;
        firstError ??= String(error);
      })
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  };
  try {
    await createIndex(client, req.target, definition);
    let batch = '';
    let batchDocs = 0;
    let batchBytes = 0;
    for (const path of req.paths) {
      // Lines come in pairs: the action, then the document.
      let action: string | undefined;
      for await (const line of createInterface({ input: createReadStream(path, 'utf8') })) {
        if (action === undefined) {
          action = line;
          continue;
        }
        batch += `${action}\n${line}\n`;
        action = undefined;
        batchDocs++;
        // Counted as the indexer counts: the document's JSON, not the action line.
        batchBytes += Buffer.byteLength(line);
        if (batchDocs >= INDEX_BATCH_DOCS || batchBytes >= INDEX_BATCH_BYTES) {
          await send(batch);
          batch = '';
          batchDocs = 0;
          batchBytes = 0;
        }
      }
    }
    if (batchDocs > 0) await send(batch);
    await Promise.all(inFlight);
    await finishLoading(client, req.target, definition);
    const error =
      failed + failedRequests > 0
        ? `${failed} documents and ${failedRequests} requests failed, e.g. ${firstError}`
        : undefined;
    return { docs, failed, error };
  } finally {
    await Promise.allSettled(inFlight);
  }
}

async function load(req: LoadRequest): Promise<LoadResult> {
  // Only the pipeline loads normalization (and its dictionaries); before the clock starts.
  const runIndexer =
    req.mode === 'pipeline'
      ? (require('../../dist/indexer/indexer') as typeof import('../../src/indexer/indexer'))
          .runIndexer
      : undefined;
  // The indexer's command line's client.
  const client = createIndexerClient(config(req));
  const requestTimes = timeRequests(client);
  const baseRssBytes = memory('VmRSS');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcome = await (runIndexer ? pipeline(req, client, runIndexer) : raw(req, client))
    .catch((error: unknown): Outcome => ({ docs: 0, failed: 0, error: String(error) }))
    .finally(() => client.close());
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ...outcome,
    elapsedMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    baseRssBytes,
    peakRssBytes: memory('VmHWM'),
    requests: requestTimes(elapsedMs),
  };
}

process.once('message', (req: LoadRequest) => {
  void load(req).then((result) => process.send!(result, () => process.disconnect()));
});
