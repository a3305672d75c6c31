// The indexer and the API as the scenarios run them: real processes from the build (dist/),
// as `npm run index` and `npm start` run them, configured by environment variables.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../../src/config';

export interface IndexerRun {
  child: ChildProcess;
  /** Resolves when the process has ended, however it ended. */
  ended: Promise<IndexerExit>;
}

export interface IndexerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function startIndexer(
  esUrl: string,
  alias: string,
  paths: string[],
  args: string[] = [],
  env: Record<string, string> = {},
): IndexerRun {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'dist', 'indexer', 'main.js'), ...paths, ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ES_URL: esUrl, ES_INDEX: alias, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<IndexerExit>((resolve) => {
    child.once('exit', (code, signal) =>
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started }),
    );
  });
  return { child, ended };
}

/** Runs the indexer to its end; throws with its output unless it exits 0. */
export async function indexToEnd(
  esUrl: string,
  alias: string,
  paths: string[],
  args: string[] = [],
): Promise<IndexerExit> {
  const exit = await startIndexer(esUrl, alias, paths, args).ended;
  if (exit.code !== 0) {
    throw new Error(
      `the indexer exited ${exit.code}: ${exit.stdout.slice(-800)}${exit.stderr.slice(-800)}`,
    );
  }
  return exit;
}
