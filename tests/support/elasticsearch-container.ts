// Starts a throwaway single-node Elasticsearch in a container: the test harness and the
// benchmarks both use this, so they run the engine the same way. Security is off there; the
// one test with it on (tests/elasticsearch/security.int.test.ts) starts a secured node below.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { esVersion, ROOT } from '../../src/config';

export interface ContainerOptions {
  /** Default: the official image of the pinned version. */
  image?: string;
  javaOpts: string;
  /** Marks the container so that leftovers can be found and removed. */
  label: string;
}

export function defaultImage(): string {
  return `docker.elastic.co/elasticsearch/elasticsearch:${esVersion()}`;
}

export async function startElasticsearchContainer(
  options: ContainerOptions,
): Promise<{ container: StartedTestContainer; url: string; image: string }> {
  const image = options.image ?? defaultImage();
  const container = await new GenericContainer(image)
    .withEnvironment({
      'discovery.type': 'single-node',
      'xpack.security.enabled': 'false',
      ES_JAVA_OPTS: options.javaOpts,
    })
    .withLabels({ [options.label]: String(process.pid) })
    .withExposedPorts(9200)
    .withWaitStrategy(
      Wait.forHttp('/_cluster/health?wait_for_status=yellow&timeout=5s', 9200)
        .forStatusCode(200)
        .withStartupTimeout(240_000),
    )
    .start();
  const url = `http://${container.getHost()}:${container.getMappedPort(9200)}`;
  return { container, url, image };
}

/** The passwords of a secured node's users (docker/security/setup.sh's variables). */
export interface SecurityPasswords {
  ELASTIC_PASSWORD: string;
  ES_API_PASSWORD: string;
  ES_INDEXER_PASSWORD: string;
}

/**
 * The Elasticsearch settings of docker-compose.yml's `elasticsearch` service that turn security
 * on (xpack.security.*, readiness.port), read from the file so that a secured test node runs
 * what the deployment runs.
 */
export function composeSecuritySettings(): Record<string, string> {
  const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
  const settings: Record<string, string> = {};
  for (const m of compose.matchAll(
    /^ {6}((?:xpack\.security|readiness)\.[a-z_.]+): '?([^'\s]+)'?$/gm,
  )) {
    settings[m[1]!] = m[2]!;
  }
  if (settings['xpack.security.enabled'] !== 'true') {
    throw new Error('docker-compose.yml: no xpack.security.enabled: true under elasticsearch');
  }
  return settings;
}

/**
 * A throwaway single node with security on, set up as the compose deployment sets it up: the
 * deployment's settings, docker/security/setup.sh (roles.yml, the users `api` and `indexer`,
 * the `elastic` password, a CA and the node's certificate) run in the container before
 * docker/security/start.sh starts the node. HTTPS on a published port; the CA's certificate
 * is written to a local file (for ES_CA_CERT).
 */
export async function startSecuredElasticsearchContainer(
  options: ContainerOptions & { passwords: SecurityPasswords },
): Promise<{ container: StartedTestContainer; url: string; caFile: string }> {
  const setupDir = '/tmp/es-setup';
  const container = await new GenericContainer(options.image ?? defaultImage())
    .withEnvironment({
      'discovery.type': 'single-node',
      ...composeSecuritySettings(),
      ES_JAVA_OPTS: options.javaOpts,
      SETUP_DIR: setupDir,
      ...options.passwords,
    })
    .withCopyDirectoriesToContainer([
      { source: join(ROOT, 'docker', 'security'), target: '/security' },
    ])
    .withEntrypoint(['bash', '-c', 'bash /security/setup.sh && exec bash /security/start.sh'])
    .withLabels({ [options.label]: String(process.pid) })
    .withExposedPorts(9200)
    // Up when HTTPS answers and asks for credentials.
    .withWaitStrategy(
      Wait.forHttp('/', 9200)
        .usingTls()
        .allowInsecure()
        .forStatusCode(401)
        .withStartupTimeout(300_000),
    )
    .start();
  const ca = await container.exec(['cat', `${setupDir}/certs/ca.crt`]);
  if (ca.exitCode !== 0) throw new Error(`no CA certificate in the container: ${ca.output}`);
  const caFile = join(mkdtempSync(join(tmpdir(), 'es-ca-')), 'ca.crt');
  writeFileSync(caFile, ca.stdout);
  // The node's certificate names localhost (setup.sh's CERT_DNS), not the engine's address.
  const url = `https://localhost:${container.getMappedPort(9200)}`;
  return { container, url, caFile };
}
