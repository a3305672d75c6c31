// The one place an Elasticsearch Client is built: for the API (server/engine-client.ts), the
// indexer, the tests, the benches and the scripts. How the cluster is reached comes from the
// configuration (ES_URL: one node or a comma-separated list; ES_USERNAME and ES_PASSWORD;
// ES_CA_CERT); each use says how long a request may take and how often the client retries.
import { readFileSync } from 'node:fs';
import { Client, Transport, type TransportOptions } from '@elastic/elasticsearch';
import { esNodes, type Config } from './config';

/** Where the cluster is and how to reach it; the credentials are for a cluster with security on. */
export type Connection = Pick<Config, 'ES_URL'> &
  Partial<Pick<Config, 'ES_USERNAME' | 'ES_PASSWORD' | 'ES_CA_CERT'>>;

export interface ClientUse {
  /** How long one attempt may take. */
  requestTimeoutMs: number;
  /**
   * Retries the client makes itself: a count, or once on each other node of the list (the
   * API's reads: a lost node costs a retry, not an error). 0 where the caller retries.
   */
  maxRetries: number | 'each-other-node';
  /** A transport that sees every request (the API's breaker); extend QuietTransport. */
  Transport?: typeof QuietTransport;
}

/**
 * The client's transport with its OpenTelemetry spans off. The transport opens a span per
 * request: a no-op with no tracer registered (none is), which still costs CPU on every search
 * (its attributes, the query serialized again; bench:search's profile showed it). The client
 * does not pass this option through, so a subclass sets it.
 */
export class QuietTransport extends Transport {
  constructor(options: TransportOptions) {
    super({ ...options, openTelemetry: { enabled: false } });
  }
}

export function createElasticsearchClient(connection: Connection, use: ClientUse): Client {
  const nodes = esNodes(connection.ES_URL);
  const { ES_USERNAME: username, ES_PASSWORD: password, ES_CA_CERT: caFile } = connection;
  if (!username !== !password) {
    throw new Error('ES_USERNAME and ES_PASSWORD: set both (security on) or neither');
  }
  return new Client({
    nodes,
    requestTimeout: use.requestTimeoutMs,
    maxRetries: use.maxRetries === 'each-other-node' ? nodes.length - 1 : use.maxRetries,
    Transport: use.Transport ?? QuietTransport,
    ...(username && password && { auth: { username, password } }),
    ...(caFile && { tls: { ca: readCa(caFile) } }),
  });
}

function readCa(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`ES_CA_CERT: cannot read ${path}: ${(error as Error).message}`);
  }
}

/**
 * The indexer's client: its retries are its own (indexer/retry.ts, with backoff), so the client
 * makes none; a node that fails is marked dead and the retry goes to another one of the list.
 * A request may take INDEX_REQUEST_TIMEOUT_MS (a bulk of a full batch).
 */
export function createIndexerClient(
  config: Connection & Pick<Config, 'INDEX_REQUEST_TIMEOUT_MS'>,
): Client {
  return createElasticsearchClient(config, {
    requestTimeoutMs: config.INDEX_REQUEST_TIMEOUT_MS,
    maxRetries: 0,
  });
}
