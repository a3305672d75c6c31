// The pure side of bulk indexing: batching, deciding what is unchanged, building the bulk
// body and reading its answer item by item.
import type { estypes } from '@elastic/elasticsearch';
import type { IndexDocument } from './document';

/** A document on its way to the index (its `path` names the file for the report). */
export interface Pending {
  doc: IndexDocument;
  /** Its size as JSON, counted against the batch's byte limit. */
  bytes: number;
}

export interface BatchLimits {
  maxDocs: number;
  maxBytes: number;
}

export function pending(doc: IndexDocument): Pending {
  return { doc, bytes: Buffer.byteLength(JSON.stringify(doc)) };
}

/** Collects documents; add() hands back a full batch once a limit is reached. */
export class Batcher {
  private items: Pending[] = [];
  private bytes = 0;

  constructor(private readonly limits: BatchLimits) {}

  add(item: Pending): Pending[] | undefined {
    this.items.push(item);
    this.bytes += item.bytes;
    const full = this.items.length >= this.limits.maxDocs || this.bytes >= this.limits.maxBytes;
    return full ? this.drain() : undefined;
  }

  /** The documents collected so far (maybe none), and a fresh start. */
  drain(): Pending[] {
    const batch = this.items;
    this.items = [];
    this.bytes = 0;
    return batch;
  }
}

/** Splits a batch into what must be written and what the index (`stored`: id -> hash) holds as is. */
export function partitionUnchanged<T extends { doc: IndexDocument }>(
  batch: T[],
  stored: ReadonlyMap<string, string>,
): { write: T[]; unchanged: T[] } {
  const write: T[] = [];
  const unchanged: T[] = [];
  for (const item of batch) {
    (stored.get(item.doc.id) === item.doc.content_hash ? unchanged : write).push(item);
  }
  return { write, unchanged };
}

/** The bulk request's operations: an `index` action (create or replace) per document. */
export function bulkOperations(
  index: string,
  docs: readonly IndexDocument[],
): estypes.BulkRequest['operations'] {
  return docs.flatMap((doc) => [{ index: { _index: index, _id: doc.id } }, doc]);
}

/** Item errors that concern the whole index, not the document: the run cannot go on. */
const INDEX_LEVEL_ERRORS = new Set([
  'index_closed_exception',
  'index_not_found_exception',
  'cluster_block_exception',
]);

export type ItemOutcome =
  | { kind: 'ok' }
  /** Overloaded or unavailable for now (429, 5xx): send again after a pause. */
  | { kind: 'retry'; reason: string }
  /** The engine refused this document; report it. */
  | { kind: 'rejected'; reason: string }
  /** The target index is gone, closed or blocked: abort the run. */
  | { kind: 'fatal'; reason: string };

function describe(error: estypes.ErrorCause | undefined, status: number): string {
  if (!error) return `HTTP ${status}`;
  const cause = error.caused_by?.reason ? ` (${error.caused_by.reason})` : '';
  return `${error.type}: ${error.reason ?? ''}${cause}`;
}

export function classifyItem(item: estypes.BulkResponseItem): ItemOutcome {
  const status = item.status;
  if (status >= 200 && status < 300 && !item.error) return { kind: 'ok' };
  const reason = describe(item.error, status);
  if (status === 429 || status >= 500) return { kind: 'retry', reason };
  if (item.error && INDEX_LEVEL_ERRORS.has(item.error.type)) return { kind: 'fatal', reason };
  return { kind: 'rejected', reason };
}

/**
 * Why a run must stop when refusals outlast the retries because of an index block: every
 * later batch would be refused the same way, after the same wait. The flood-stage block (disk
 * almost full) is named with what to do about it.
 */
export function blockedWrites(reason: string): string | undefined {
  if (!reason.startsWith('cluster_block_exception')) return undefined;
  const disk = /flood.stage/i.test(reason)
    ? 'disk full: an Elasticsearch node passed its flood-stage disk watermark and refuses ' +
      'writes; free disk space there (the block lifts by itself) and run again. '
    : '';
  return `${disk}Elasticsearch refused the writes: ${reason}`;
}

export interface BulkOutcome<T> {
  ok: T[];
  retry: { item: T; reason: string }[];
  rejected: { item: T; reason: string }[];
  /** Items refused with 429: the engine's write queue was full (the indexer sends less). */
  throttled: number;
  /** The first index-level error, when there is one. */
  fatal?: string;
}

/** Pairs the bulk answer's items with the documents sent, in order. */
export function readBulkResponse<T>(
  sent: readonly T[],
  items: readonly Partial<Record<estypes.BulkOperationType, estypes.BulkResponseItem>>[],
): BulkOutcome<T> {
  if (items.length !== sent.length) {
    throw new Error(`bulk answered ${items.length} items for ${sent.length} documents`);
  }
  const outcome: BulkOutcome<T> = { ok: [], retry: [], rejected: [], throttled: 0 };
  items.forEach((entry, i) => {
    const item = sent[i]!;
    const result = entry.index ?? Object.values(entry)[0];
    const verdict: ItemOutcome = result
      ? classifyItem(result)
      : { kind: 'rejected', reason: 'empty bulk item' };
    if (result?.status === 429) outcome.throttled += 1;
    if (verdict.kind === 'ok') outcome.ok.push(item);
    else if (verdict.kind === 'fatal') outcome.fatal ??= verdict.reason;
    else outcome[verdict.kind].push({ item, reason: verdict.reason });
  });
  return outcome;
}
