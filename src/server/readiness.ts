// What /readyz says, from the health of the alias's index: green is ready; yellow (a replica
// missing, e.g. a node lost) still serves every search, so it is "degraded" with a 200 for
// load balancers and the compose healthcheck; red (a primary missing: results would be
// incomplete) or no alias is not ready, 503.
import type { HealthResponse } from '../search/wire';

/** The /readyz body; `health` is undefined when the alias does not exist. */
export function readiness(alias: string, health: string | undefined): HealthResponse {
  switch (health?.toLowerCase()) {
    case undefined:
      return { status: 'not_ready', reason: `no alias ${alias}` };
    case 'green':
      return { status: 'ready', cluster: 'green' };
    case 'yellow':
      return {
        status: 'degraded',
        cluster: 'yellow',
        reason: 'some replica shards are unassigned: every search is served, with less redundancy',
      };
    default:
      return {
        status: 'not_ready',
        cluster: 'red',
        reason: 'a primary shard of the index is unassigned: results would be incomplete',
      };
  }
}

/** 200 while searches are served (ready or degraded), 503 otherwise. */
export function readyStatus(body: HealthResponse): number {
  return body.status === 'ready' || body.status === 'degraded' ? 200 : 503;
}
