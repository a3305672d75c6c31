// Starts one throwaway Elasticsearch for the whole jest run, or uses ES_URL.
// The image is ES_IMAGE (default: the official image of the pinned version).
import type { StartedTestContainer } from 'testcontainers';
import { startElasticsearchContainer } from './elasticsearch-container';

/** Every container a test run starts carries this label, so leftovers can be found and removed. */
export const TEST_LABEL = 'cjk-news-search.test-run';

declare global {
  var __ES_CONTAINER__: StartedTestContainer | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.ES_URL) {
    process.stderr.write(`\nusing the Elasticsearch at ES_URL=${process.env.ES_URL}\n`);
    return;
  }
  const started = Date.now();
  const { container, url, image } = await startElasticsearchContainer({
    ...(process.env.ES_IMAGE && { image: process.env.ES_IMAGE }),
    javaOpts: process.env.ES_TEST_JAVA_OPTS ?? '-Xms1g -Xmx1g',
    label: TEST_LABEL,
  });
  globalThis.__ES_CONTAINER__ = container;
  process.env.ES_URL = url;

  // Jest skips globalTeardown on Ctrl-C; remove the container then too.
  const stopOnSignal = (signal: NodeJS.Signals) => {
    void container.stop({ timeout: 5_000 }).finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  const res = await fetch(process.env.ES_URL);
  const info = (await res.json()) as { version: { number: string } };
  process.stderr.write(
    `\nElasticsearch ${info.version.number} from ${image} ready at ${process.env.ES_URL}` +
      ` after ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
