// The indexer: normalized files in, batches of documents out to Elasticsearch, a report back.
// Streams: at most one batch being collected and one being sent are held at a time.
import type { Client } from '@elastic/elasticsearch';
import { CONFIG_DEFAULTS, type Config } from '../config';
import { normalizePaths, type FileResult } from '../normalize/normalizer';
import {
  Batcher,
  blockedWrites,
  partitionUnchanged,
  pending,
  readBulkResponse,
  type BatchLimits,
  type Pending,
} from './bulk';
import { loadIndexDefinition, type IndexDefinition, type ShardLayout } from './definition';
import { toIndexDocument, type IndexDocument } from './document';
import * as es from './es';
import { physicalIndexName, planRun } from './lifecycle';
import {
  accountedFor,
  addFieldQuality,
  addWarning,
  emptyReport,
  succeeded,
  type IndexReport,
  type Progress,
} from './report';
import { InFlightWindow } from './in-flight';
import {
  decideRetry,
  DEFAULT_RETRY,
  isDiskBlock,
  isThrottled,
  retrying,
  sleep,
  type RetryHooks,
  type Retrying,
  type RetryPolicy,
} from './retry';
import { StoryGrouping } from './stories';

export interface RunIndexerOptions {
  client: Client;
  alias: string;
  /** Files and folders to normalize and index. */
  paths: string[];
  /** Build a new index and swap the alias even when the definition has not changed. */
  rebuild?: boolean;
  onProgress?: (progress: Progress) => void;
  /** Default: INDEX_BATCH_DOCS's and INDEX_BATCH_BYTES's defaults (main.ts passes their values). */
  batch?: BatchLimits;
  /** Bulk requests open at once. Default: INDEX_BULK_IN_FLIGHT's default (main.ts passes it). */
  inFlight?: number;
  /** Shards and replicas of a new index. Default: ES_SHARDS's and ES_REPLICAS's (main.ts passes them). */
  layout?: ShardLayout;
  /** How long failing requests are retried (default: INDEX_RETRY_SECONDS's; main.ts passes it). */
  retry?: RetryPolicy;
  /** Told of each failure that will be retried, and how long it has been failing (main prints it). */
  onRetry?: RetryHooks['onRetry'];
  /** Normalized files to index instead of normalizing `paths` (hand-built articles in tests). */
  files?: AsyncIterable<FileResult>;
  /** Stops the run between files (Ctrl-C): it aborts like an engine failure, the alias stays. */
  signal?: AbortSignal;
  /**
   * false: no fingerprints and no grouping, every article a story of its own. Only to measure
   * what stories cost (bench:stories-cost) or the rest without them; the command never sets it.
   */
  stories?: boolean;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const batchOf = (config: Config): BatchLimits => ({
  maxDocs: config.INDEX_BATCH_DOCS,
  maxBytes: config.INDEX_BATCH_BYTES,
});

/** The batch limits' defaults, as src/config defines them (with no variables set). */
export const DEFAULT_BATCH: BatchLimits = batchOf(CONFIG_DEFAULTS);

function progressOf(report: IndexReport): Progress {
  const { filesRead, articlesRead, indexed, unchanged, failed } = report;
  return { filesRead, articlesRead, indexed, unchanged, failed };
}

/** How a run retries: its policy, and withRetry bound to it. */
interface Retries {
  policy: RetryPolicy;
  onRetry: RetryHooks['onRetry'];
  onRecovered: (failingMs: number) => void;
  /** Requests about the cluster: after an outage they wait for it to be yellow again. */
  cluster: Retrying;
  /** Requests to the run's index (the cluster's until it is known): wait for that index. */
  index: Retrying;
}

function retriesFor(
  options: RunIndexerOptions,
  retried: IndexReport['retried'],
  index?: string,
): Retries {
  const { client } = options;
  const policy = options.retry ?? DEFAULT_RETRY;
  const onRetry: RetryHooks['onRetry'] = (error, failingMs) => {
    retried.times += 1;
    options.onRetry?.(error, failingMs);
  };
  const onRecovered = (failingMs: number) => {
    retried.longestMs = Math.max(retried.longestMs, failingMs);
  };
  const waitingFor = (name?: string) =>
    retrying(policy, {
      onRetry,
      onRecovered,
      untilReady: () => es.waitUntilServing(client, name),
    });
  return { policy, onRetry, onRecovered, cluster: waitingFor(), index: waitingFor(index) };
}

/**
 * Sends one batch: skips what the index already holds, retries what may pass later. The
 * batch is held until every document of it is written or refused for good: after an outage
 * the same documents go again (by id, so a write that went through before is overwritten).
 */
async function sendBatch(
  client: Client,
  target: { index: string; fresh: boolean },
  batch: Pending[],
  report: IndexReport,
  retries: Retries,
  inFlight: InFlightWindow,
  stories: StoryGrouping | undefined,
): Promise<void> {
  const { index } = target;
  const fail = (doc: IndexDocument, reason: string) => {
    report.failed += 1;
    report.failures.push({ path: doc.path, id: doc.id, reason });
  };
  // An index this run created holds only what this run wrote, and `seen` keeps a second copy
  // of an article out of the run: nothing in it can be unchanged, so there is nothing to ask.
  let write = batch;
  if (!target.fresh) {
    const ids = batch.map((item) => item.doc.id);
    const stored = await retries.index(() => es.storedHashes(client, index, ids));
    const split = partitionUnchanged(batch, stored);
    report.unchanged += split.unchanged.length;
    write = split.write;
  }
  const written = stories ? await stories.group(write) : () => {};
  try {
    // A 429 for the whole request or for some of its items halves the requests kept open.
    const bulk = (docs: IndexDocument[]) =>
      es.bulkIndex(client, index, docs).catch((error: unknown) => {
        if (isThrottled(error)) inFlight.throttled();
        throw error;
      });
    let toSend = write;
    let throttled = false;
    // Documents the engine refused for now (429, 5xx) go again after a pause, until they have
    // been refused for the retry budget (a disk block: blockedMs).
    let refusedSince: number | undefined;
    for (let attempt = 1; toSend.length > 0; attempt++) {
      const docs = toSend.map((item) => item.doc);
      const response = await retries.index(() => bulk(docs));
      const outcome = readBulkResponse(toSend, response.items);
      if (outcome.throttled > 0) {
        inFlight.throttled();
        throttled = true;
      }
      report.indexed += outcome.ok.length;
      for (const { item, reason } of outcome.rejected) fail(item.doc, reason);
      if (outcome.fatal) throw new Error(`writing to ${index}: ${outcome.fatal}`);
      if (outcome.retry.length === 0) {
        if (refusedSince !== undefined) retries.onRecovered(Date.now() - refusedSince);
        break;
      }
      refusedSince ??= Date.now();
      const reasons = outcome.retry.map(({ reason }) => reason);
      const kind = reasons.some(isDiskBlock) ? 'blocked' : 'transient';
      const failingMs = Date.now() - refusedSince;
      const decision = decideRetry({ kind, attempt, failingMs }, retries.policy);
      if (!decision.retry) {
        const blocked = reasons.map(blockedWrites).find(Boolean);
        if (blocked) throw new Error(blocked);
        for (const { item, reason } of outcome.retry) {
          fail(item.doc, `still refused after ${Math.round(failingMs / 1000)} s: ${reason}`);
        }
        return;
      }
      retries.onRetry?.(new Error(reasons[0]), failingMs);
      await sleep(decision.delayMs);
      toSend = outcome.retry.map(({ item }) => item);
    }
    if (!throttled) inFlight.succeeded();
  } finally {
    written();
  }
}

/**
 * Reads every file, batching its articles, and sends each full batch while the next fills.
 * What is held at once is bounded: the batch filling, the batches in flight (at most the
 * window's limit, each at most INDEX_BATCH_DOCS / INDEX_BATCH_BYTES, with their story sketches)
 * and the file being read.
 */
async function fill(
  options: RunIndexerOptions,
  target: { index: string; fresh: boolean },
  report: IndexReport,
  retries: Retries,
): Promise<void> {
  const { client, onProgress } = options;
  const batcher = new Batcher(options.batch ?? DEFAULT_BATCH);
  const inFlight = new InFlightWindow(options.inFlight ?? CONFIG_DEFAULTS.INDEX_BULK_IN_FLIGHT);
  const grouping = options.stories ?? true;
  const stories = grouping
    ? new StoryGrouping(client, target.index, report, retries.index)
    : undefined;
  // Ids read so far, the one thing that grows with the corpus (tens of bytes an article): a
  // later copy of an article is a duplicate, so that re-runs do not rewrite it back and forth.
  const seen = new Set<string>();
  const open = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const send = async (batch: Pending[]) => {
    while (open.size >= inFlight.limit && !failure) await Promise.race(open);
    if (failure) throw failure.error;
    const request: Promise<void> = sendBatch(
      client,
      target,
      batch,
      report,
      retries,
      inFlight,
      stories,
    )
      .then(
        () => onProgress?.(progressOf(report)),
        // Kept, not thrown here: the next send or the end of the run throws it.
        (error: unknown) => void (failure ??= { error }),
      )
      .finally(() => open.delete(request));
    open.add(request);
  };
  const drain = async () => {
    await Promise.all(open);
    if (failure) throw failure.error;
  };

  try {
    for await (const file of options.files ?? normalizePaths(options.paths)) {
      options.signal?.throwIfAborted();
      report.filesRead += 1;
      for (const warning of file.warnings) addWarning(report, file.path, warning);
      if (file.error !== undefined) {
        report.filesFailed += 1;
        report.failures.push({ path: file.path, reason: file.error });
      }
      for (const article of file.articles) {
        report.articlesRead += 1;
        addFieldQuality(report, article);
        if (seen.has(article.id)) {
          report.duplicates += 1;
          addWarning(
            report,
            file.path,
            `skipped: same article (${article.id}) as one read earlier`,
          );
          continue;
        }
        seen.add(article.id);
        let full: Pending[] | undefined;
        try {
          full = batcher.add(pending(toIndexDocument(article, { stories: grouping })));
        } catch (error) {
          report.failed += 1;
          report.failures.push({ path: file.path, id: article.id, reason: message(error) });
        }
        if (full) await send(full);
      }
      onProgress?.(progressOf(report));
    }
    const last = batcher.drain();
    if (last.length > 0) await send(last);
    await drain();
  } finally {
    // Never leave a request running behind an abort: the caller may delete its index next.
    await Promise.all(open);
  }
}

/**
 * Puts the freshly filled index live when the run went to the end, or deletes it; fills in
 * where the alias ends up. Failed files and rejected articles do not hold it back: one bad
 * file in thousands must not leave users without an index (they are in the report).
 */
async function finishRebuild(
  options: RunIndexerOptions,
  definition: IndexDefinition,
  index: string,
  previous: string | undefined,
  report: IndexReport,
  retries: Retries,
): Promise<void> {
  const { client, alias } = options;
  // Bad files do not hold a rebuild back, but an index that got nothing while something
  // failed (a mistyped folder, an unreadable corpus) must not replace a working one.
  if (!report.aborted && report.indexed === 0 && !succeeded(report)) {
    report.aborted = 'nothing was indexed and something failed: the new index is not put live';
  }
  if (!report.aborted) {
    try {
      await retries.index(() => es.finishLoading(client, index, definition));
      // A bulk into a deleted index would have recreated it bare, without our definition.
      const hash = await retries.index(() => es.definitionHashOf(client, index));
      if (hash !== definition.hash) throw new Error(`${index} lost its definition (_meta ${hash})`);
      await es.swapAlias(client, alias, previous, index);
      report.aliasIndex = index;
    } catch (error) {
      // The swap may have gone through with only its answer lost: look before deleting.
      const now = await retries
        .cluster(() => es.liveIndex(client, alias))
        .then(
          (live) => ({ known: true, index: live?.index }),
          () => ({ known: false, index: undefined }),
        );
      if (now.known && now.index === index) {
        report.aliasIndex = index;
      } else {
        report.aborted = `putting ${index} live: ${message(error)}`;
        // Unsure where the alias is, or someone else moved it: delete nothing.
        if (!now.known || now.index !== previous) {
          report.strayIndices.push(index);
          return;
        }
      }
    }
  }
  const obsolete = report.aliasIndex === index ? previous : index;
  if (!obsolete) return;
  try {
    await es.deleteIndex(client, obsolete);
    report.deletedIndices.push(obsolete);
  } catch {
    report.strayIndices.push(obsolete);
  }
}

/**
 * Indexes `paths` into the alias: in place when the live index has the current definition
 * (skipping unchanged articles), else into a new physical index that replaces it only when
 * the run goes to the end (not aborted). Resolves with the report in every case but a failure
 * to reach the engine at the start; `succeeded(report)` says whether anything went wrong.
 */
export async function runIndexer(options: RunIndexerOptions): Promise<IndexReport> {
  const started = Date.now();
  const { client, alias } = options;
  const retried = { times: 0, longestMs: 0 };
  const start = retriesFor(options, retried);
  const definition = loadIndexDefinition(undefined, options.layout);
  const live = await start.cluster(() => es.liveIndex(client, alias));
  const plan = planRun(live, definition.hash, options.rebuild ?? false);
  const index =
    plan.mode === 'in-place' ? plan.index : physicalIndexName(alias, definition.hash, new Date());
  const report = emptyReport(alias, plan, index);
  report.aliasIndex = live?.index;
  report.strayIndices = await start.cluster(() => es.strayIndices(client, alias, live?.index));
  report.retried = retried;
  const retries = retriesFor(options, retried, index);

  let created = false;
  try {
    if (plan.mode === 'rebuild') {
      await retries.cluster(() => es.createIndex(client, index, definition));
      created = true;
    }
    await fill(options, { index, fresh: created }, report, retries);
    if (plan.mode === 'in-place') {
      await retries.index(() => es.refresh(client, index));
      await retries.index(() => es.applyReplicas(client, index, definition));
    }
  } catch (error) {
    report.aborted = message(error);
  }
  report.notSent = report.articlesRead - accountedFor(report);
  if (created) await finishRebuild(options, definition, index, live?.index, report, retries);
  report.elapsedMs = Date.now() - started;
  return report;
}
