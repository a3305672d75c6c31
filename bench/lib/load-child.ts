// One load, in a process of its own so that its peak memory is its own: either the full
// pipeline (runIndexer: normalize, map, skip unchanged, bulk, swap the alias) or the raw load
// (ready-made bulk bodies straight to Elasticsearch). Started by bench/index.ts over IPC.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Client, type estypes } from '@elastic/elasticsearch';
import { loadConfig } from '../../src/config';
import { loadIndexDefinition } from '../../src/index/definition';
import { createIndex, finishLoading } from '../../src/index/es';

export interface LoadRequest {
  mode: 'pipeline' | 'raw';
  esUrl: string;
  /** The alias (pipeline) or the index (raw) to fill. */
  target: string;
  paths: string[];
  /** Raw load only: bulk requests in flight at once (the indexer keeps one). */
  inFlight?: number;
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
type RunIndexer = (typeof import('../../src/index/indexer'))['runIndexer'];

/** The pipeline as `npm run index` runs it, with its configuration defaults. */
async function pipeline(req: LoadRequest, runIndexer: RunIndexer): Promise<Outcome> {
  const config = loadConfig({ ES_URL: req.esUrl, ES_INDEX: req.target });
  const client = new Client({
    node: config.ES_URL,
    requestTimeout: config.INDEX_REQUEST_TIMEOUT_MS,
    maxRetries: 0,
  });
  try {
    const report = await runIndexer({
      client,
      alias: config.ES_INDEX,
      paths: req.paths,
      batch: { maxDocs: config.INDEX_BATCH_DOCS, maxBytes: config.INDEX_BATCH_BYTES },
    });
    const first = report.failures[0];
    const error =
      report.aborted ?? (first ? `${report.failed} failed, e.g. ${first.reason}` : undefined);
    return { docs: report.indexed, failed: report.failed + report.filesFailed, error };
  } finally {
    await client.close();
  }
}

/**
 * The raw load: bulk bodies read from disk and sent as they are, shaped like the indexer's
 * (the same batch limits, by default one request in flight while the next batch is read, and
 * the indexer's own calls to create the index with refresh off and to finish the load), so
 * the difference is what our pipeline does to the documents.
 */
async function raw(req: LoadRequest): Promise<Outcome> {
  const config = loadConfig({ ES_URL: req.esUrl });
  const client = new Client({
    node: config.ES_URL,
    requestTimeout: config.INDEX_REQUEST_TIMEOUT_MS,
    maxRetries: 0,
  });
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
        if (batchDocs >= config.INDEX_BATCH_DOCS || batchBytes >= config.INDEX_BATCH_BYTES) {
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
    await client.close();
  }
}

async function load(req: LoadRequest): Promise<LoadResult> {
  // Only the pipeline loads normalization (and its dictionaries); before the clock starts.
  const runIndexer =
    req.mode === 'pipeline' ? (await import('../../src/index/indexer')).runIndexer : undefined;
  const baseRssBytes = memory('VmRSS');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcome = await (runIndexer ? pipeline(req, runIndexer) : raw(req)).catch(
    (error: unknown): Outcome => ({ docs: 0, failed: 0, error: String(error) }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ...outcome,
    elapsedMs: performance.now() - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
    baseRssBytes,
    peakRssBytes: memory('VmHWM'),
  };
}

process.once('message', (req: LoadRequest) => {
  void load(req).then((result) => process.send!(result, () => process.disconnect()));
});
