// Configuration: read and validated here, once; every other module takes values from here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The repo root (src/config.ts and dist/config.js are one level down). */
export const ROOT = join(__dirname, '..');

/**
 * Reads KEY=VALUE lines of the repo's .env.example, the one place the Elasticsearch version is
 * pinned (committed; .env, made from it with the deployment's passwords, is not).
 */
export function readDotEnv(path = join(ROOT, '.env.example')): Record<string, string> {
  const out: Record<string, string> = {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** The pinned Elasticsearch version: ES_VERSION from the environment, else from .env.example. */
export function esVersion(env: NodeJS.ProcessEnv = process.env): string {
  const v = env.ES_VERSION ?? readDotEnv().ES_VERSION;
  if (!v || !/^\d+\.\d+\.\d+$/.test(v)) throw new Error(`ES_VERSION is missing or malformed: ${v}`);
  return v;
}

/** The nodes in ES_URL: one URL, or several separated by commas (the client's node list). */
export function esNodes(esUrl: string): string[] {
  return esUrl
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url.length > 0);
}

const schema = z.object({
  /** One node's URL, or every node's, comma-separated: the clients spread requests over them. */
  ES_URL: z
    .string()
    .default('http://localhost:9200')
    .refine(
      (value) => {
        const nodes = esNodes(value);
        return nodes.length > 0 && nodes.every((url) => z.url().safeParse(url).success);
      },
      { message: 'one URL, or several separated by commas' },
    ),
  /** The alias the API reads and the indexer swaps; physical indices are `${alias}-<hash>-<time>`. */
  ES_INDEX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, _ and -')
    .default('articles'),
  /** Primary shards of a new index. Fixed when an index is made: a change means a rebuild. */
  ES_SHARDS: z.coerce.number().int().min(1).max(1024).default(1),
  /**
   * Replicas of each shard: a count, or a range that Elasticsearch keeps fitted to the nodes
   * there are (`0-1`: none on one node, where a replica could not be placed, one from two
   * nodes on). Changed in place on the next indexer run, no rebuild.
   */
  ES_REPLICAS: z
    .string()
    .regex(/^(\d+|\d+-(\d+|all))$/, 'a count (1) or a range (0-1, 0-all)')
    .default('0-1'),
  /** How long a request to Elasticsearch may take before the API answers 503. */
  ES_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The indexer sends a bulk request once a batch holds this many documents... */
  INDEX_BATCH_DOCS: z.coerce.number().int().positive().default(500),
  /** ...or this many bytes of JSON, whichever comes first. */
  INDEX_BATCH_BYTES: z.coerce.number().int().positive().default(5_000_000),
  /** Bulk requests the indexer keeps open at once (fewer while the engine answers 429). Two
   * keep a two-core engine busy; more only queue inside it (bench:index measures both). */
  INDEX_BULK_IN_FLIGHT: z.coerce.number().int().min(1).max(16).default(2),
  /** How long one indexer request (a bulk of a full batch) may take before it is retried. */
  INDEX_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /**
   * How long the indexer keeps retrying a request that fails transiently (engine unreachable,
   * restarting, overloaded) before the run stops: long enough for a node restart on a busy
   * machine (see indexer/retry.ts); the batch in hand is kept and sent again meanwhile.
   */
  INDEX_RETRY_SECONDS: z.coerce.number().int().positive().default(300),

  /** Credentials for a cluster with security on (unset: no authentication). */
  ES_USERNAME: z.string().min(1).optional(),
  ES_PASSWORD: z.string().min(1).optional(),
  /** A PEM file of the certificate authority that signed the cluster's HTTP certificate. */
  ES_CA_CERT: z.string().min(1).optional(),

  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** auto: readable lines on a terminal, JSON lines otherwise (a file, a pipe, a container). */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** Whether request logs carry the query string: queries can be private, so off by default. */
  LOG_QUERIES: z.stringbool().default(false),
  /** Prometheus metrics at /metrics (off: no route, nothing recorded; for measuring the cost). */
  METRICS: z.stringbool().default(true),

  /** Requests per client (IP address) and window; 0 turns the limit off (the benches). */
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  /** Express's `trust proxy` (hops or addresses), so that the limit keys on the real client
   * behind a reverse proxy; unset: the socket's address. */
  TRUST_PROXY: z.string().min(1).optional(),
  /** After SIGTERM, how long requests in flight may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().max(9_000).default(8_000),
});

export type Config = z.infer<typeof schema>;

/** Validates the environment; throws one error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Every variable at its default: what a library function assumes when its caller says nothing. */
export const CONFIG_DEFAULTS: Config = loadConfig({});
