// What the figures were measured on: cores, memory, versions. Saved with every result.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../src/config';
import type { Elastic } from './stack';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  /** 1-minute load average when the run began: other work on the machine skews the figures. */
  loadAtStart: number;
  os: string;
  node: string;
  elasticsearch: string;
  image: string;
  esJavaOpts?: string;
  packages: Record<string, string>;
  commit: string;
  date: string;
}

function installedVersion(name: string): string {
  const file = join(ROOT, 'node_modules', ...name.split('/'), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(es: Elastic): Machine {
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAtStart: Math.round(loadavg()[0]! * 100) / 100,
    os: `${process.platform} ${release()}`,
    node: process.versions.node,
    elasticsearch: es.version,
    image: es.image,
    esJavaOpts: es.javaOpts,
    packages: Object.fromEntries(
      ['@elastic/elasticsearch', 'express', 'opencc-js', 'chinese-poetry', 'autocannon'].map(
        (name) => [name, installedVersion(name)],
      ),
    ),
    commit: gitCommit(),
    date: new Date().toISOString(),
  };
}
