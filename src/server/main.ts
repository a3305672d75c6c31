// Entry point: `npm start` builds and runs this. Serves the API on PORT until SIGTERM/SIGINT.
import { loadConfig } from '../config';
import { converterFor, OUTPUT_SCRIPTS } from '../search/output-script';
import { createApp } from './app';
import { createClient } from './elastic';

function main(): void {
  const config = loadConfig();
  // Load OpenCC's dictionaries now (about a second), not on the first converted request.
  OUTPUT_SCRIPTS.forEach(converterFor);
  const client = createClient(config);
  const app = createApp({ client, index: config.ES_INDEX });
  const server = app.listen(config.PORT, () => {
    console.log(
      `listening on http://localhost:${config.PORT} (Elasticsearch ${config.ES_URL}, alias ${config.ES_INDEX})`,
    );
  });
  const stop = () => {
    server.close(() => void client.close());
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main();
