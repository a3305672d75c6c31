import type { estypes } from '@elastic/elasticsearch';
import { article } from '../../tests/fixtures/articles';
import {
  blockedWrites,
  Batcher,
  bulkOperations,
  classifyItem,
  partitionUnchanged,
  pending,
  readBulkResponse,
  type Pending,
} from './bulk';
import { toIndexDocument } from './document';

const doc = (id: string, body = '正文') => toIndexDocument(article(id, { body: [body] }));
const item = (status: number, type?: string): estypes.BulkResponseItem => ({
  _index: 'i',
  _id: 'x',
  status,
  ...(type ? { error: { type, reason: `${type} reason` } } : {}),
});

describe('Batcher', () => {
  it('hands back a batch when the document limit is reached', () => {
    const batcher = new Batcher({ maxDocs: 2, maxBytes: 1e9 });
    expect(batcher.add(pending(doc('a')))).toBeUndefined();
    expect(batcher.add(pending(doc('b')))?.map((p) => p.doc.id)).toEqual(['a', 'b']);
    expect(batcher.drain()).toEqual([]);
  });

  it('hands back a batch when the byte limit is reached', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => pending(doc(id))) as [Pending, Pending, Pending];
    const batcher = new Batcher({ maxDocs: 100, maxBytes: a.bytes + b.bytes + 1 });
    expect(batcher.add(a)).toBeUndefined();
    expect(batcher.add(b)).toBeUndefined();
    expect(batcher.add(c)?.length).toBe(3);
  });

  it('counts bytes as UTF-8', () => {
    const p = pending(doc('a', '漢'.repeat(1000)));
    expect(p.bytes).toBeGreaterThan(3000);
  });
});

describe('partitionUnchanged', () => {
  it('skips documents stored with the same hash and writes new or changed ones', () => {
    const same = pending(doc('same'));
    const changed = pending(doc('changed', '新'));
    const fresh = pending(doc('fresh'));
    const stored = new Map([
      ['same', same.doc.content_hash],
      ['changed', doc('changed', '舊').content_hash],
    ]);
    const { write, unchanged } = partitionUnchanged([same, changed, fresh], stored);
    expect(unchanged.map((p) => p.doc.id)).toEqual(['same']);
    expect(write.map((p) => p.doc.id)).toEqual(['changed', 'fresh']);
  });
});

describe('bulkOperations', () => {
  it('pairs an index action carrying the stable id with each document', () => {
    const docs = [doc('a'), doc('b')];
    expect(bulkOperations('idx', docs)).toEqual([
      { index: { _index: 'idx', _id: 'a' } },
      docs[0],
      { index: { _index: 'idx', _id: 'b' } },
      docs[1],
    ]);
  });
});

describe('classifyItem', () => {
  it('tells success, retryable, rejected and fatal items apart', () => {
    expect(classifyItem(item(201))).toEqual({ kind: 'ok' });
    expect(classifyItem(item(200))).toEqual({ kind: 'ok' });
    expect(classifyItem(item(429, 'es_rejected_execution_exception')).kind).toBe('retry');
    expect(classifyItem(item(503, 'unavailable_shards_exception')).kind).toBe('retry');
    expect(classifyItem(item(400, 'document_parsing_exception'))).toEqual({
      kind: 'rejected',
      reason: 'document_parsing_exception: document_parsing_exception reason',
    });
    expect(classifyItem(item(400, 'index_closed_exception')).kind).toBe('fatal');
    expect(classifyItem(item(404, 'index_not_found_exception')).kind).toBe('fatal');
  });

  it('names the underlying cause of a rejection', () => {
    const rejected = classifyItem({
      ...item(400),
      error: {
        type: 'document_parsing_exception',
        reason: '[1:2] failed to parse field [published_at]',
        caused_by: { type: 'illegal_argument_exception', reason: 'bad date' },
      },
    });
    expect(rejected).toEqual({
      kind: 'rejected',
      reason: 'document_parsing_exception: [1:2] failed to parse field [published_at] (bad date)',
    });
  });
});

describe('readBulkResponse', () => {
  it('sorts the sent documents by their items, in order', () => {
    const outcome = readBulkResponse(
      ['a', 'b', 'c', 'd'],
      [
        { index: item(201) },
        { index: item(429, 'es_rejected_execution_exception') },
        { index: item(400, 'document_parsing_exception') },
        { index: item(200) },
      ],
    );
    expect(outcome.ok).toEqual(['a', 'd']);
    expect(outcome.retry.map((r) => r.item)).toEqual(['b']);
    expect(outcome.rejected.map((r) => r.item)).toEqual(['c']);
    expect(outcome.fatal).toBeUndefined();
    // The 429 is counted: the indexer keeps fewer requests open for a while.
    expect(outcome.throttled).toBe(1);
  });

  it('reports an index-level error as fatal', () => {
    const outcome = readBulkResponse(['a'], [{ index: item(400, 'index_closed_exception') }]);
    expect(outcome.fatal).toMatch(/^index_closed_exception/);
    expect(outcome.rejected).toEqual([]);
  });

  it('refuses an answer that does not match what was sent', () => {
    expect(() => readBulkResponse(['a', 'b'], [{ index: item(201) }])).toThrow(/1 items for 2/);
  });
});

describe('blockedWrites', () => {
  it('names the full disk when the block is the flood stage, and says what to do', () => {
    const reason =
      'cluster_block_exception: index [a] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded ' +
      'flood-stage watermark, index has read-only-allow-delete block; for more information, see x];';
    expect(blockedWrites(reason)).toMatch(/^disk full: .*flood-stage.*free disk space/);
    expect(blockedWrites(reason)).toContain(reason);
  });

  it('passes other blocks on as they are, and is not about other refusals', () => {
    expect(blockedWrites('cluster_block_exception: index [a] blocked by: [FORBIDDEN/8/x]')).toBe(
      'Elasticsearch refused the writes: cluster_block_exception: index [a] blocked by: [FORBIDDEN/8/x]',
    );
    expect(blockedWrites('es_rejected_execution_exception: queue full')).toBeUndefined();
  });
});
