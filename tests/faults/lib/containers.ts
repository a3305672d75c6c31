// The real containers the fault scenarios start, break and remove: single Elasticsearch nodes
// (`docker run`) and the three-node cluster of docker-compose.cluster.yml (compose), through
// the docker CLI of whatever engine DOCKER_HOST names. Every container carries FAULTS_LABEL,
// so that tests/faults/run.sh removes what an interrupted run left.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Client } from '@elastic/elasticsearch';
import { esVersion, readDotEnv, ROOT } from '../../../src/config';
import { createElasticsearchClient } from '../../../src/elasticsearch';
import { freePort } from '../../../bench/lib/stack';
import { waitFor } from './wait';

export const FAULTS_LABEL = 'cjk-news-search.faults-run';

const run = promisify(execFile);

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { maxBuffer: 16 << 20 });
  return stdout.trim();
}

/** The Elasticsearch image: ES_IMAGE (tests/faults/run.sh chooses it) or the official one. */
export function esImage(): string {
  return process.env.ES_IMAGE ?? `docker.elastic.co/elasticsearch/elasticsearch:${esVersion()}`;
}

/** Prefix of every container and compose project a run makes (FAULTS_PROJECT, or one per pid). */
export const PROJECT = process.env.FAULTS_PROJECT ?? `cjk-faults-${process.pid}`;

export interface SingleNode {
  name: string;
  url: string;
  client: Client;
  remove(): Promise<void>;
}

export interface NodeOptions {
  /** Suffix of the container's name. */
  name: string;
  /** A size (e.g. 512m): the data folder on a tmpfs of that size, a disk that can fill up. */
  dataTmpfs?: string;
  env?: Record<string, string>;
}

/** How long a node may take to start: minutes on two cores shared with other work. */
const START_TIMEOUT_MS = Number(process.env.FAULTS_START_TIMEOUT_S ?? 600) * 1000;

/** The harness's own client: a slow start or a recovery takes long; the client's usual 3 retries. */
const FAULT_CLIENT = { requestTimeoutMs: 120_000, maxRetries: 3 };

/** Whether a container is running (not exited, not removed). */
async function isRunning(name: string): Promise<boolean> {
  return (await docker('inspect', '-f', '{{.State.Running}}', name).catch(() => '')) === 'true';
}

/**
 * Waits until the node answers with a yellow or green cluster. With `container`, stops waiting
 * as soon as that container has exited (a bad setting) and throws with its last log lines.
 */
export async function waitForHealth(
  client: Client,
  timeoutMs = START_TIMEOUT_MS,
  container?: string,
): Promise<void> {
  let exited = false;
  await waitFor(
    async () => {
      try {
        const health = await client.cluster.health({ wait_for_status: 'yellow', timeout: '2s' });
        return !health.timed_out;
      } catch (error) {
        if (container && !(await isRunning(container))) return (exited = true);
        throw error;
      }
    },
    { timeoutMs, stepMs: 1000, what: 'Elasticsearch to answer yellow or green' },
  );
  if (exited) {
    const logs = await run('docker', ['logs', '--tail', '40', container!]).then(
      (r) => r.stdout + r.stderr,
      () => '',
    );
    const fatal = /fatal exception[^\n]*|ERROR[^\n]*/.exec(logs)?.[0] ?? logs.slice(-400);
    throw new Error(`${container} exited while starting: ${fatal.slice(0, 400)}`);
  }
}

/** A single-node Elasticsearch as the test harness starts it, on a free host port. */
export async function startNode(options: NodeOptions): Promise<SingleNode> {
  const name = `${PROJECT}-${options.name}`;
  const port = await freePort();
  const env = {
    'discovery.type': 'single-node',
    'xpack.security.enabled': 'false',
    ES_JAVA_OPTS: process.env.FAULTS_ES_JAVA_OPTS ?? '-Xms512m -Xmx512m',
    ...options.env,
  };
  const args = ['run', '-d', '--name', name, '--label', `${FAULTS_LABEL}=${process.pid}`];
  args.push('-p', `127.0.0.1:${port}:9200`);
  for (const [key, value] of Object.entries(env)) args.push('-e', `${key}=${value}`);
  if (options.dataTmpfs) {
    // Owned by the image's user (uid 1000), as the image's own data folder is.
    args.push(
      '--mount',
      `type=tmpfs,destination=/usr/share/elasticsearch/data,tmpfs-size=${options.dataTmpfs},tmpfs-mode=1777`,
    );
  }
  await docker(...args, esImage());
  const url = `http://127.0.0.1:${port}`;
  const client = createElasticsearchClient({ ES_URL: url }, FAULT_CLIENT);
  const remove = async () => {
    await client.close();
    await docker('rm', '-f', '-v', name).catch(() => undefined);
  };
  try {
    await waitForHealth(client, START_TIMEOUT_MS, name);
  } catch (error) {
    await remove();
    throw error;
  }
  return { name, url, client, remove };
}

/** The compose command tests/faults/run.sh chose (docker compose, or docker-compose 1.29). */
function composeCommand(): string[] {
  return (process.env.FAULTS_COMPOSE ?? 'docker-compose').split(' ');
}

export const CLUSTER_NODES = ['es01', 'es02', 'es03'] as const;
export type NodeName = (typeof CLUSTER_NODES)[number];

export interface Cluster {
  project: string;
  /** The three nodes' URLs, comma-separated, as ES_URL takes them. */
  esUrl: string;
  client: Client;
  /** The container id of a node. */
  container(node: NodeName): Promise<string>;
  remove(): Promise<void>;
}

/**
 * The cluster of docker-compose.cluster.yml, as scripts/serve.sh --cluster runs it (only its
 * Elasticsearch services, and es-setup before them), with the three HTTP ports published on
 * loopback by tests/faults/cluster-ports.yml. Security is on there: the harness, and the API
 * and indexer processes it starts while the cluster lives (they inherit its environment), use
 * the `elastic` user of .env (tests/faults/run.sh makes it) over HTTPS, trusting the cluster's CA.
 */
export async function startCluster(): Promise<Cluster> {
  const project = `${PROJECT}-cluster`;
  const ports = await Promise.all(CLUSTER_NODES.map(() => freePort()));
  const env = {
    ...process.env,
    COMPOSE_PROJECT_NAME: project,
    COMPOSE_FILE: [
      'docker-compose.yml',
      'docker-compose.cluster.yml',
      'tests/faults/cluster-ports.yml',
    ]
      .map((file) => join(ROOT, file))
      .join(':'),
    FAULTS_PORT_ES01: String(ports[0]),
    FAULTS_PORT_ES02: String(ports[1]),
    FAULTS_PORT_ES03: String(ports[2]),
    ES_HEAP: process.env.FAULTS_ES_HEAP ?? '512m',
  };
  const [command, ...base] = composeCommand();
  const compose = (...args: string[]) =>
    run(command!, [...base, ...args], { env, cwd: ROOT, maxBuffer: 16 << 20 }).then((r) =>
      r.stdout.trim(),
    );
  const esUrl = ports.map((port) => `https://127.0.0.1:${port}`).join(',');
  const password = readDotEnv(join(ROOT, '.env')).ELASTIC_PASSWORD;
  if (!password) throw new Error('no ELASTIC_PASSWORD in .env (tests/faults/run.sh makes it)');
  const credentials = ['ES_USERNAME', 'ES_PASSWORD', 'ES_CA_CERT'] as const;
  const before = credentials.map((name) => process.env[name]);
  let client: Client | undefined;
  const remove = async () => {
    await client?.close();
    credentials.forEach((name, i) => {
      if (before[i] === undefined) delete process.env[name];
      else process.env[name] = before[i];
    });
    // The nodes before the holder of their network (podman refuses the other order).
    await compose('rm', '-fsv', ...CLUSTER_NODES).catch(() => undefined);
    await compose('down', '-v', '--remove-orphans').catch(() => undefined);
  };
  try {
    await compose('up', '-d', ...CLUSTER_NODES);
    // The CA's certificate, which each node copies into its config/ as it starts.
    const es01 = await compose('ps', '-q', 'es01');
    const caFile = join(mkdtempSync(join(tmpdir(), `${project}-ca-`)), 'ca.crt');
    let ca = '';
    await waitFor(
      async () => {
        ca = await docker('exec', es01, 'cat', '/usr/share/elasticsearch/config/certs/ca.crt');
        return ca.includes('BEGIN CERTIFICATE');
      },
      { timeoutMs: 60_000, what: "es01's copy of the CA certificate" },
    );
    writeFileSync(caFile, `${ca}\n`);
    Object.assign(process.env, {
      ES_USERNAME: 'elastic',
      ES_PASSWORD: password,
      ES_CA_CERT: caFile,
    });
    client = createElasticsearchClient(
      { ES_URL: esUrl, ES_USERNAME: 'elastic', ES_PASSWORD: password, ES_CA_CERT: caFile },
      FAULT_CLIENT,
    );
    const started = client;
    await waitFor(
      async () => {
        const health = await started.cluster.health({
          wait_for_nodes: '3',
          wait_for_status: 'green',
          timeout: '2s',
        });
        return !health.timed_out;
      },
      { timeoutMs: START_TIMEOUT_MS, what: 'three nodes and a green cluster' },
    );
  } catch (error) {
    await remove();
    throw error;
  }
  return {
    project,
    esUrl,
    client: client!,
    container: (node) => compose('ps', '-q', node),
    remove,
  };
}
