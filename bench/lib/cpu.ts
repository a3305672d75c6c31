// CPU time spent by each process in a measurement, to tell where the time went on a machine
// whose two cores the loader, the API and Elasticsearch share.
import { readFileSync } from 'node:fs';
import type { Client } from '@elastic/elasticsearch';

/** Linux reports process times in clock ticks; USER_HZ is 100 on every common build. */
const TICKS_PER_SECOND = 100;

/** CPU milliseconds (user + system) a process has used so far, from /proc (Linux only). */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU milliseconds the Elasticsearch node processes have used so far. */
export async function elasticCpuMs(client: Client): Promise<number> {
  const stats = await client.nodes.stats({ metric: 'process' });
  return Object.values(stats.nodes).reduce(
    (sum, node) => sum + (node.process?.cpu?.total_in_millis ?? 0),
    0,
  );
}

/** This process's CPU milliseconds so far. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}
