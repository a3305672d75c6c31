// Entry point: `npm start` builds and runs this. Serves the API on PORT until SIGTERM/SIGINT,
// then shuts down gracefully.
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { fold } from '../search/fold';
import { converterFor, OUTPUT_SCRIPTS } from '../search/output-script';
import { createApp } from './app';
import { answerClientErrors } from './client-errors';
import { createApiClient } from './engine-client';
import { createMetrics } from './metrics';
import { shutDownGracefully } from './shutdown';

function main(): void {
  const config = loadConfig();
  const logger = createLogger(config);
  // Load OpenCC's dictionaries now (about a second), not on the first converted request.
  OUTPUT_SCRIPTS.forEach(converterFor);
  // And the t2s rules suggestions fold a prefix with (20 ms on the first suggestion otherwise).
  fold('');
  const client = createApiClient(config);
  const metrics = config.METRICS ? createMetrics() : undefined;
  metrics?.observeClient(client);
  const app = createApp({
    client,
    index: config.ES_INDEX,
    logger,
    logQueries: config.LOG_QUERIES,
    metrics,
    rateLimit: { max: config.RATE_LIMIT_MAX, windowMs: config.RATE_LIMIT_WINDOW_MS },
    trustProxy: config.TRUST_PROXY,
  });
  const server = app.listen(config.PORT, () => {
    logger.info(
      { port: config.PORT, elasticsearch: config.ES_URL, alias: config.ES_INDEX },
      `listening on http://localhost:${config.PORT}`,
    );
  });
  answerClientErrors(server, logger, metrics?.clientError);
  const stop = shutDownGracefully({
    server,
    logger,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    close: () => client.close(),
  });
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
