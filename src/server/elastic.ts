// The API's Elasticsearch client: one attempt per request, bounded by ES_TIMEOUT_MS, so a
// dead or stalled engine gives a 503 in that time rather than after retries.
import { Client } from '@elastic/elasticsearch';
import type { Config } from '../config';

export function createClient(config: Pick<Config, 'ES_URL' | 'ES_TIMEOUT_MS'>): Client {
  return new Client({
    node: config.ES_URL,
    requestTimeout: config.ES_TIMEOUT_MS,
    maxRetries: 0,
  });
}
