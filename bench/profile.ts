// Prints where a profiled process spent its time:
//   npx ts-node --transpile-only bench/profile.ts bench/work/profiles/<name>.cpuprofile
// Profiles come from `npm run bench:index -- --profile` (the pipeline loads) and
// `npm run bench:search -- --profile` (the API).
import { readFileSync } from 'node:fs';
import { ROOT } from '../src/config';
import { type CpuProfile, type Entry, summarizeProfile } from './lib/profile';

function print(title: string, entries: Entry[]): void {
  console.log(`\n${title}`);
  for (const e of entries)
    console.log(`${String(e.ms).padStart(8)} ms ${String(e.share).padStart(5)}%  ${e.name}`);
}

for (const file of process.argv.slice(2)) {
  const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, ROOT);
  console.log(`${file}: ${summary.totalMs} ms sampled, ${summary.idleMs} ms idle (waiting)`);
  print('self time by file', summary.selfByFile);
  print('self time by function', summary.selfByFunction);
  print('our code, inclusive', summary.inclusiveOwnCode);
}
