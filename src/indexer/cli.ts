// The indexer's command line, parsed apart from running it.
import { parseArgs } from 'node:util';

const USAGE = 'usage: npm run index -- <file or folder>... [--rebuild]';

export interface CliArgs {
  paths: string[];
  rebuild: boolean;
}

/** The command line, or an error whose message is the usage. */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        rebuild: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.positionals.length === 0) throw new Error(`no files or folders given\n${USAGE}`);
  return { paths: parsed.positionals, rebuild: parsed.values.rebuild };
}
