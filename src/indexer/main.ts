// `npm run index -- <files or folders> [--rebuild]`: normalizes and indexes them into the
// alias ES_INDEX, prints the report, exits 1 if anything failed (a rebuild that went to the
// end is live even so: failed files and articles are listed, not blocking).
import { Client } from '@elastic/elasticsearch';
import { esNodes, loadConfig } from '../config';
import { parseCliArgs, type CliArgs } from './cli';
import { runIndexer } from './indexer';
import { countFiles, periodicLines, progressBar, type ProgressDisplay } from './progress';
import { formatReport, succeeded } from './report';

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const config = loadConfig();
  // Retries are the indexer's own (with backoff), so the client makes none of its own; a node
  // that fails is marked dead by the client and the retry goes to another one of the list.
  const client = new Client({
    nodes: esNodes(config.ES_URL),
    requestTimeout: config.INDEX_REQUEST_TIMEOUT_MS,
    maxRetries: 0,
  });
  const display: ProgressDisplay = process.stderr.isTTY
    ? progressBar(process.stderr, await countFiles(args.paths))
    : periodicLines((line) => process.stderr.write(line), 10_000);
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
