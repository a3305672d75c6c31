// `npm run index -- <files or folders> [--rebuild]`: normalizes and indexes them into the
// alias ES_INDEX, prints the report, exits 1 if anything failed (a rebuild that went to the
// end is live even so: failed files and articles are listed, not blocking).
import { loadConfig } from '../config';
import { createIndexerClient } from '../elasticsearch';
import { parseCliArgs, type CliArgs } from './cli';
import { layoutOf } from './definition';
import { runIndexer } from './indexer';
import { countFiles, periodicLines, progressBar, type ProgressDisplay } from './progress';
import { formatReport, succeeded } from './report';
import { retryPolicy } from './retry';

/** At most one "retrying" line this often: several batches fail together in an outage. */
const RETRY_LINE_MS = 10_000;

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const config = loadConfig();
  const client = createIndexerClient(config);
  const display: ProgressDisplay = process.stderr.isTTY
    ? progressBar(process.stderr, await countFiles(args.paths))
    : periodicLines((line) => process.stderr.write(line), 10_000);
  let lastRetryLine = -Infinity;
  const onRetry = (error: unknown, failingMs: number) => {
    if (Date.now() - lastRetryLine < RETRY_LINE_MS) return;
    lastRetryLine = Date.now();
    const why = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `Elasticsearch: ${why.slice(0, 200)}; retrying, failing for ${Math.round(failingMs / 1000)} ` +
        `s (gives up after ${config.INDEX_RETRY_SECONDS} s)\n`,
    );
  };
  // Ctrl-C ends the run like a failure (a half-built index is deleted); a second one kills.
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort(new Error('interrupted (SIGINT)')));
  try {
    const report = await runIndexer({
      client,
      alias: config.ES_INDEX,
      paths: args.paths,
      rebuild: args.rebuild,
      batch: { maxDocs: config.INDEX_BATCH_DOCS, maxBytes: config.INDEX_BATCH_BYTES },
      inFlight: config.INDEX_BULK_IN_FLIGHT,
      layout: layoutOf(config),
      retry: retryPolicy(config.INDEX_RETRY_SECONDS),
      onRetry,
      onProgress: (progress) => display.update(progress),
      signal: interrupt.signal,
    });
    display.stop();
    process.stdout.write(`${formatReport(report)}\n`);
    return succeeded(report) ? 0 : 1;
  } catch (error) {
    display.stop();
    process.stderr.write(`indexing failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await client.close();
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
