// The fault table: bench/results/faults.json (every scenario's latest run, with its
// measurements) and faults.md (the table the README quotes). A run of some scenarios keeps the
// others' latest results, so that CI's a, b and d and the documented c and e share one table.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { ROOT } from '../../../src/config';
import { markdownTable, RESULTS_DIR } from '../../../bench/lib/results';

export type ScenarioId = 'a' | 'b' | 'c' | 'd' | 'e';

export interface Check {
  what: string;
  measured: string;
  target: string;
  ok: boolean;
}

export interface ScenarioResult {
  id: ScenarioId;
  title: string;
  nodes: number;
  passed: boolean;
  /** Wall time of the scenario, setup included. */
  seconds: number;
  checks: Check[];
  measurements: Record<string, number | string | boolean>;
  date: string;
  machine: { cores: number; loadAtStart: number; commit: string; elasticsearch: string };
}

export class Recorder {
  readonly checks: Check[] = [];
  readonly measurements: Record<string, number | string | boolean> = {};

  check(what: string, measured: string | number, target: string, ok: boolean): void {
    this.checks.push({ what, measured: String(measured), target, ok });
    console.error(`  ${ok ? 'ok  ' : 'FAIL'} ${what}: ${measured} (target ${target})`);
  }

  measure(name: string, value: number | string | boolean): void {
    this.measurements[name] = value;
    console.error(`  ${name}: ${value}`);
  }
}

const JSON_PATH = join(RESULTS_DIR, 'faults.json');
const MD_PATH = join(RESULTS_DIR, 'faults.md');

export function readResults(): ScenarioResult[] {
  if (!existsSync(JSON_PATH)) return [];
  return (JSON.parse(readFileSync(JSON_PATH, 'utf8')) as { scenarios: ScenarioResult[] }).scenarios;
}

export function markdown(results: readonly ScenarioResult[]): string {
  const rows = results.flatMap((r) =>
    r.checks.map((c, i) => [
      i === 0 ? `**${r.id}.** ${r.title}` : '',
      i === 0 ? String(r.nodes) : '',
      c.what,
      c.measured,
      c.target,
      c.ok ? 'pass' : '**FAIL**',
      i === 0 ? `${r.seconds} s` : '',
    ]),
  );
  const dates = results.map(
    (r) =>
      `${r.id}: ${r.date.slice(0, 16)}Z, commit ${r.machine.commit}, ` +
      `${r.machine.cores} cores, load ${r.machine.loadAtStart} at start`,
  );
  return (
    markdownTable(['scenario', 'nodes', 'check', 'measured', 'target', 'result', 'took'], rows) +
    `\n\nRuns: ${dates.join('; ')}.\n`
  );
}

/** Merges `fresh` into the saved results (by scenario) and writes both files. */
export async function saveResults(fresh: readonly ScenarioResult[]): Promise<string> {
  const byId = new Map(readResults().map((r) => [r.id, r]));
  for (const r of fresh) byId.set(r.id, r);
  const all = [...byId.values()].sort((x, y) => x.id.localeCompare(y.id));
  const options = (await prettier.resolveConfig(join(ROOT, 'package.json'))) ?? {};
  const md = markdown(all);
  writeFileSync(
    JSON_PATH,
    await prettier.format(JSON.stringify({ scenarios: all }), { ...options, parser: 'json' }),
  );
  writeFileSync(MD_PATH, await prettier.format(md, { ...options, parser: 'markdown' }));
  return md;
}
