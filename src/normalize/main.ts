// `npm run normalize -- corpus/`: JSON lines to stdout, the per-file report to stderr.
import { runCli } from './cli';

runCli(process.argv.slice(2), process.stdout, process.stderr).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
