// Starts a throwaway single-node Elasticsearch in a container: the test harness and the
// benchmarks both use this, so they run the engine the same way.
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { esVersion } from '../../src/config';

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
