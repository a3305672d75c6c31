// The API's Elasticsearch client. Every node of ES_URL is in its node list; a read that fails
// on one node for want of a connection (refused, reset) or with 502/503/504 is retried once on
// each other node, with no pause, so losing a node costs a request nothing but a retry. The
// API only reads, so retrying is always safe here; the indexer's writes have their own policy.
// Each attempt is bounded by ES_TIMEOUT_MS, and a timeout is not retried (a frozen node would
// cost every request the timeout again): the node is marked dead and the next request goes
// elsewhere. A breaker in front of the client turns "Elasticsearch is unreachable" into an
// immediate 503 until a probe gets through again (see breaker.ts); a timeout counts towards it
// only when nothing answered while it waited (frozen, not merely slow).
import {
  errors,
  type Client,
  type TransportRequestOptions,
  type TransportRequestParams,
} from '@elastic/elasticsearch';
import type { Config } from '../config';
import { createElasticsearchClient, QuietTransport, type Connection } from '../elasticsearch';
import { Breaker } from './breaker';

/** Two unreachable failures in a row: one reset connection alone does not make the engine "down". */
const FAILURE_THRESHOLD = 2;
/** A request every second at most probes a down engine: it serves again within ~1 s of its return. */
const COOLDOWN_MS = 1000;
/**
 * How long the probe's own request (HEAD /) may take. While the engine is down every search
 * must be answered within a second, the probing one too: an engine still starting may accept
 * the connection and answer only seconds later, and the search would wait ES_TIMEOUT_MS.
 */
const PROBE_TIMEOUT_MS = 800;

/** Errors that say the engine could not be reached at all (every node tried). */
export function isUnreachable(error: unknown): boolean {
  return (
    error instanceof errors.ConnectionError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.NoLivingConnectionsError
  );
}

/** A Transport class whose requests pass through `breaker` first and report how they ended. */
export function guardedTransport(breaker: Breaker): typeof QuietTransport {
  return class GuardedTransport extends QuietTransport {
    // One signature for the base class's overloads: the result is passed through untouched.
    override async request(
      params: TransportRequestParams,
      options?: TransportRequestOptions,
    ): Promise<never> {
      const startedAt = breaker.admit();
      if (breaker.state === 'half-open') {
        // This caller is the probe: first a cheap request with a short timeout. Its failure
        // is the caller's 503 (within PROBE_TIMEOUT_MS); its success closes the breaker.
        try {
          await super.request({ method: 'HEAD', path: '/' }, { requestTimeout: PROBE_TIMEOUT_MS });
          breaker.succeeded();
        } catch (error) {
          // Any HTTP answer says the engine is there again.
          if (error instanceof errors.ResponseError) breaker.succeeded();
          else {
            if (isUnreachable(error)) breaker.failed();
            else breaker.abandoned();
            throw error;
          }
        }
      }
      try {
        const result = (await super.request(params, options)) as never;
        breaker.succeeded();
        return result;
      } catch (error) {
        if (error instanceof errors.TimeoutError) breaker.timedOut(startedAt);
        else if (isUnreachable(error)) breaker.failed();
        else if (error instanceof errors.ResponseError) breaker.succeeded();
        else breaker.abandoned();
        throw error;
      }
    }
  };
}

export function createApiClient(config: Connection & Pick<Config, 'ES_TIMEOUT_MS'>): Client {
  const breaker = new Breaker({ failureThreshold: FAILURE_THRESHOLD, cooldownMs: COOLDOWN_MS });
  return createElasticsearchClient(config, {
    requestTimeoutMs: config.ES_TIMEOUT_MS,
    maxRetries: 'each-other-node',
    Transport: guardedTransport(breaker),
  });
}
