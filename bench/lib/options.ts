// What a bench run is told: the flags of its command line and the environment variables it
// shares with the test harness (ES_URL, ES_IMAGE). Read here, once, for all three benches.
import { parseArgs } from 'node:util';

export interface ElasticOptions {
  /** An existing cluster to use instead of starting a container. */
  url?: string;
  /** The image to start (scripts/lib.sh choose_es_image sets it for bench/run.sh). */
  image?: string;
  javaOpts: string;
}

export function elasticOptions(env: NodeJS.ProcessEnv = process.env): ElasticOptions {
  return {
    url: env.ES_URL || undefined,
    image: env.ES_IMAGE || undefined,
    // Twice the tests' heap: the full corpus and 32 concurrent searches run in it.
    javaOpts: env.BENCH_ES_JAVA_OPTS || '-Xms2g -Xmx2g',
  };
}

export type Size = number | 'all';

/** Main just before issue 10 (cross-region search) landed. */
export const BEFORE_ISSUE_10 = 'a2c5309';

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`--${name} wants a positive integer: ${text}`);
  return n;
}

function size(name: string, text: string): Size {
  return text === 'all' ? 'all' : positiveInt(name, text);
}

/** `K=V,K2=V2` as an object; an item without `=` is an error naming it. */
export function envList(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const item of text.split(',').filter(Boolean)) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new Error(`--before-env: "${item}" is not KEY=VALUE`);
    env[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return env;
}

function loadMode(text: string): 'pipeline' | 'raw' {
  if (text !== 'pipeline' && text !== 'raw')
    throw new Error(`--load wants pipeline or raw: ${text}`);
  return text;
}

function list<T>(name: string, text: string, read: (name: string, text: string) => T): T[] {
  return text.split(',').map((part) => read(name, part.trim()));
}

export interface BenchOptions {
  /** bench:index: the corpus sizes, in documents. */
  sizes: Size[];
  /** bench:index: bulk requests in flight, each load (raw and pipeline) run at each. */
  inFlight: number[];
  /** How many times each load (bench:index) or load run (bench:search) is repeated. */
  repeat: number;
  /** bench:search and bench:relevance: documents in the index they search. */
  docs: Size;
  /** bench:search: the alias to search at ES_URL, built only when it does not exist yet and
   * kept, so that several runs search one index built once. */
  index?: string;
  /** bench:search: how its index is built: through the pipeline (stories grouped) or by the
   * raw bulk load (each document its own story; minutes instead of half an hour). */
  load: 'pipeline' | 'raw';
  /** bench:search: the dist folder of another build of the API, run as a third target beside
   * this build's API and the engine direct (before and after a change, in one run). */
  beforeApi?: string;
  /** bench:search: environment variables for the --before-api process only (KEY=VALUE,...):
   * with `--before-api dist`, this build with, say, logs and metrics off. */
  beforeEnv: Record<string, string>;
  /** bench:search: connections (concurrent requests) per load run. */
  concurrency: number[];
  /** bench:search: seconds of load per run, after a warm-up of `warmup` seconds. */
  duration: number;
  warmup: number;
  /** bench:relevance: known items to look for, and the seed they are drawn with. */
  samples: number;
  seed: number;
  /** Write CPU profiles to bench/work/profiles: of each pipeline load (bench:index), of the
   * API (bench:search). */
  profile: boolean;
  /** bench:compare: the commit whose index definition and query builder today's are compared
   * with. */
  before: string;
  /** Where results are written (bench/results by default). */
  out?: string;
}

export const USAGE = `flags (all optional):
  --sizes 10000,100000,all   bench:index corpus sizes (whole thousands, or all)
  --in-flight 1,2,3          bench:index bulk requests in flight: raw and pipeline loads at each
  --repeat N                 repeats, interleaved: bench:index 1 (the median load is reported),
                             bench:search 3 (the runs are pooled)
  --docs all                 bench:search/bench:relevance index size
  --index NAME               bench:search: search this alias at ES_URL, building it (--docs)
                             only when missing, and keep it for the next run
  --load pipeline|raw        bench:search: build the index through the pipeline (default) or by
                             the raw bulk load (each document its own story; much faster)
  --before-api DIST          bench:search: also load the API built in DIST (another checkout's
                             dist/, e.g. main before a change) side by side
  --before-env K=V,...       bench:search: variables for that API only (--before-api dist
                             --before-env LOG_LEVEL=silent,METRICS=false: logs' and metrics' cost)
  --concurrency 1,8,32       bench:search connections per run
  --duration 10 --warmup 15  bench:search seconds per run, and of warm-up per target
  --samples 2000 --seed 7    bench:relevance known items and their seed
  --profile                  CPU profiles (bench/work/profiles) of the pipeline loads or the API
  --before COMMIT            bench:compare: the definition to compare with today's (default:
                             main before issue 10)
  --out DIR                  results folder (default bench/results)
environment: ES_URL (use that cluster), ES_IMAGE (image to start), BENCH_ES_JAVA_OPTS`;

/** `defaults` holds what differs between the benches. */
export function benchOptions(
  defaults: { repeat: number } = { repeat: 1 },
  argv: string[] = process.argv.slice(2),
): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      sizes: { type: 'string', default: '10000,100000,all' },
      'in-flight': { type: 'string', default: '1,2,3' },
      repeat: { type: 'string' },
      docs: { type: 'string', default: 'all' },
      index: { type: 'string' },
      'before-api': { type: 'string' },
      'before-env': { type: 'string', default: '' },
      load: { type: 'string', default: 'pipeline' },
      concurrency: { type: 'string', default: '1,8,32' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '15' },
      samples: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '7' },
      out: { type: 'string' },
      before: { type: 'string', default: BEFORE_ISSUE_10 },
      profile: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    sizes: list('sizes', values.sizes, size),
    inFlight: list('in-flight', values['in-flight'], positiveInt),
    repeat: values.repeat === undefined ? defaults.repeat : positiveInt('repeat', values.repeat),
    docs: size('docs', values.docs),
    index: values.index,
    beforeApi: values['before-api'],
    beforeEnv: envList(values['before-env']),
    load: loadMode(values.load),
    concurrency: list('concurrency', values.concurrency, positiveInt),
    duration: positiveInt('duration', values.duration),
    warmup: Number(values.warmup) >= 0 ? Number(values.warmup) : 0,
    samples: positiveInt('samples', values.samples),
    seed: positiveInt('seed', values.seed),
    out: values.out,
    before: values.before,
    profile: values.profile,
  };
}
