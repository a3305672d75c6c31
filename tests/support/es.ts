// What a test file needs to talk to the run's throwaway Elasticsearch.
import type { Client } from '@elastic/elasticsearch';
import { randomBytes } from 'node:crypto';
import { createElasticsearchClient } from '../../src/elasticsearch';

/** The cluster that global-setup started (or ES_URL named). */
export function esUrl(): string {
  const url = process.env.ES_URL;
  if (!url) throw new Error('ES_URL is not set: run the tests through jest (global-setup sets it)');
  return url;
}

export function testClient(): Client {
  return createElasticsearchClient(
    { ES_URL: esUrl() },
    { requestTimeoutMs: 30_000, maxRetries: 3 },
  );
}

/** A fresh index or alias name, so test files never share indices. */
export function testIndexName(prefix: string): string {
  return `test-${prefix}-${randomBytes(4).toString('hex')}`.toLowerCase();
}
