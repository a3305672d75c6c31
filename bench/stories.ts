// `npm run bench:stories`: how well the indexer groups copies into stories. Originals are the
// seeds and long poems of chinese-poetry (sampled with a fixed seed); every original gets a copy
// of each kind (bench/lib/story-variants.ts) by another outlet; follow-ups and poems sharing a
// title are the near misses. Everything goes through the real indexer into Elasticsearch in a
// shuffled order; the stored story ids give pairwise precision and recall. Prints numbers and
// writes bench/results/stories.*; never fails on them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { Article } from '../src/article';
import { ROOT } from '../src/config';
import { runIndexer } from '../src/indexer/indexer';
import { normalizeText } from '../src/normalize/normalizer';
import {
  CONTAINMENT_THRESHOLD,
  SIMILARITY_THRESHOLD,
  fingerprint,
  foldForFingerprint,
  similarity,
} from '../src/stories/fingerprint';
import { describeMachine } from './lib/machine';
import { elasticOptions } from './lib/options';
import { poemToArticle, readPoems, type Poem } from './lib/poems';
import { seededRandom, shuffle } from './lib/random';
import { log, machineLine, markdownTable, publishResults } from './lib/results';
import { runBench, startElasticsearch } from './lib/stack';
import {
  OUTLETS,
  VARIANT_KINDS,
  followUp,
  generateSet,
  pairCounts,
  precisionRecall,
  type EvalArticle,
} from './lib/story-variants';
import { renderChart } from './lib/svg';

const SEED = 15;
/** Poems drawn as originals: long ones (a short news brief's length), distinct texts. */
const POEMS = 300;
const MIN_POEM_CHARS = 120;
/** Titles shared by two long poems of different text: same subject and form, other stories. */
const TITLE_PAIRS = 40;
const FOLLOW_UPS = 40;
/** Two poems sharing this share of their characters are taken as one text (see distinctTexts). */
const DISTINCT_CHAR_OVERLAP = 0.6;
const TARGETS = { precision: 0.98, recall: 0.95 };
const ALIAS = 'bench-stories';

function seeds(): Article[] {
  const dir = join(ROOT, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => normalizeText(readFileSync(join(dir, f), 'utf8'), `corpus/${f}`).article);
}

/** Long poems whose texts are distinct: the package holds some poems twice (once among the
 * Tang, once among the Song, a character apart), so a poem sharing a line with one taken before
 * is left out; otherwise the truth would call two copies of one text two stories. */
function longPoems(): Poem[] {
  const seenLines = new Set<string>();
  const out: Poem[] = [];
  for (const poem of readPoems()) {
    if (!poem) continue;
    // Folding costs: only poems long enough before folding are folded.
    if (poem.lines.join('').length < MIN_POEM_CHARS) continue;
    const lines = poem.lines.map(foldForFingerprint);
    if (lines.join('').length < MIN_POEM_CHARS || lines.some((l) => seenLines.has(l))) continue;
    for (const line of lines) seenLines.add(line);
    out.push(poem);
  }
  return out;
}

const asArticle = (poem: Poem) =>
  poemToArticle(poem, poem.source === '全宋词' ? 'simplified' : 'traditional');

/** The originals: the seeds, poems drawn at random and pairs of poems sharing a title; and
 * spare poems, in no group, that follow-ups take their text from. */
function originals(random: () => number): { base: Article[]; spare: Article[] } {
  const poems = longPoems();
  log(`${poems.length} distinct poems of ${MIN_POEM_CHARS}+ characters`);
  const byTitle = new Map<string, Poem[]>();
  for (const poem of poems) byTitle.set(poem.title, [...(byTitle.get(poem.title) ?? []), poem]);
  const titled = shuffle(
    [...byTitle.values()].filter((list) => list.length >= 2),
    random,
  ).slice(0, TITLE_PAIRS);
  const taken = new Set(titled.flatMap((list) => list.slice(0, 2)));
  const rest = shuffle(
    poems.filter((p) => !taken.has(p)),
    random,
  );
  const drawn = rest.slice(0, POEMS);
  return {
    base: distinctTexts([...seeds(), ...[...taken, ...drawn].map(asArticle)]),
    spare: rest.slice(POEMS, POEMS + FOLLOW_UPS).map(asArticle),
  };
}

/** Share of characters two texts have in common (as sets): not the measure under test. */
function charOverlap(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const ch of a) if (b.has(ch)) both++;
  return both / (a.size + b.size - both);
}

/** Leaves out an original whose characters are mostly another's: two versions of one poem
 * under one title (a character or two apart) are one text, whatever the truth would say. */
function distinctTexts(articles: Article[]): Article[] {
  const kept: { article: Article; chars: Set<string> }[] = [];
  for (const article of articles) {
    const chars = new Set(Array.from(foldForFingerprint(article.body.join(''))));
    if (kept.some((k) => charOverlap(k.chars, chars) >= DISTINCT_CHAR_OVERLAP)) continue;
    kept.push({ article, chars });
  }
  if (kept.length < articles.length)
    log(`${articles.length - kept.length} originals left out: the same text as another`);
  return kept.map((k) => k.article);
}

async function storyIds(client: Client): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let after: (string | number)[] | undefined;
  for (;;) {
    const res = await client.search<{ id: string; story_id: string }>({
      index: ALIAS,
      size: 5000,
      _source: ['id', 'story_id'],
      sort: [{ id: 'asc' }],
      ...(after && { search_after: after }),
    });
    if (res.hits.hits.length === 0) return out;
    for (const hit of res.hits.hits) out.set(hit._source!.id, hit._source!.story_id);
    after = res.hits.hits[res.hits.hits.length - 1]!.sort as (string | number)[];
  }
}

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const short = (text: string, n = 28) =>
  Array.from(text).length > n ? `${Array.from(text).slice(0, n).join('')}…` : text;

async function main(): Promise<void> {
  const random = seededRandom(SEED);
  const { base, spare } = originals(random);
  const set: EvalArticle[] = generateSet(base, random);
  // Follow-ups: the lead paragraph of an original, then text of a poem in no group: a story
  // of its own that shares a paragraph with another.
  const follow = shuffle([...base], random).slice(0, FOLLOW_UPS);
  follow.forEach((original, i) => {
    const article = followUp(original, spare[i]!, OUTLETS[i % OUTLETS.length]!);
    set.push({ article, group: article.id, kind: 'original' });
  });
  const ids = new Set(set.map((x) => x.article.id));
  if (ids.size !== set.length) {
    const first = new Map<string, EvalArticle>();
    for (const x of set) {
      const before = first.get(x.article.id);
      if (before)
        log(`same id: ${before.kind} ${before.article.path} / ${x.kind} ${x.article.path}`);
      first.set(x.article.id, x);
    }
    throw new Error(`${set.length - ids.size} generated ids collide`);
  }
  log(`${base.length} originals, ${set.length} articles`);

  const es = await startElasticsearch(elasticOptions(), log);
  const order = shuffle([...set], random);
  async function* files() {
    for (const item of order)
      yield { path: item.article.path, articles: [item.article], warnings: [] };
  }
  const started = Date.now();
  const report = await runIndexer({
    client: es.client,
    alias: ALIAS,
    paths: [],
    files: files(),
    rebuild: true,
  });
  if (report.aborted) throw new Error(`indexing aborted: ${report.aborted}`);
  log(`indexed ${report.indexed} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const stories = await storyIds(es.client);

  const scored = set.map((x) => ({ ...x, story: stories.get(x.article.id)! }));
  const counts = pairCounts(scored);
  const { precision, recall } = precisionRecall(counts);

  // Per kind: the share of copies put in their original's story.
  const storyOfGroup = new Map(
    scored.filter((x) => x.kind === 'original').map((x) => [x.group, x.story]),
  );
  const perKind = VARIANT_KINDS.map((kind) => {
    const copies = scored.filter((x) => x.kind === kind);
    const joined = copies.filter((x) => x.story === storyOfGroup.get(x.group)).length;
    return { kind, copies: copies.length, joined, recall: joined / copies.length };
  });

  // Similarities: of each copy to its original, and of the closest pairs of different stories.
  const fp = new Map(set.map((x) => [x.article.id, fingerprint(x.article).signature]));
  const byGroup = new Map<string, EvalArticle[]>();
  for (const x of set) byGroup.set(x.group, [...(byGroup.get(x.group) ?? []), x]);
  const copySims = set
    .filter((x) => x.kind !== 'original')
    .map((x) => ({ x, s: similarity(fp.get(x.article.id)!, fp.get(x.group)!) }))
    .sort((a, b) => a.s - b.s);
  const originalsOnly = set.filter((x) => x.kind === 'original');
  let nearMiss = { a: originalsOnly[0]!, b: originalsOnly[1]!, s: -1 };
  for (let i = 0; i < originalsOnly.length; i++) {
    for (let j = i + 1; j < originalsOnly.length; j++) {
      const [a, b] = [originalsOnly[i]!, originalsOnly[j]!];
      const s = similarity(fp.get(a.article.id)!, fp.get(b.article.id)!);
      if (s > nearMiss.s) nearMiss = { a, b, s };
    }
  }
  const seed = (prefix: string) => base.find((a) => a.path.includes(`/${prefix}_`))!;
  const s002_003 = similarity(fp.get(seed('002').id)!, fp.get(seed('003').id)!);

  // The true group shown: seed 000 and its copies, with where each landed.
  const example = scored
    .filter((x) => x.group === seed('000').id)
    .map((x) => [
      x.kind,
      x.article.source ?? '',
      x.article.id,
      similarity(fp.get(x.article.id)!, fp.get(x.group)!).toFixed(2),
      x.story,
    ]);

  const machine = describeMachine(es);
  const json = {
    machine,
    seed: SEED,
    threshold: SIMILARITY_THRESHOLD,
    originals: base.length,
    articles: set.length,
    pairs: counts,
    precision,
    recall,
    targets: TARGETS,
    perKind,
    copySimilarity: {
      min: copySims[0]!.s,
      p05: copySims[Math.floor(copySims.length * 0.05)]!.s,
      median: copySims[Math.floor(copySims.length / 2)]!.s,
      lowest: copySims
        .slice(0, 5)
        .map(({ x, s }) => ({ id: x.article.id, kind: x.kind, similarity: s })),
    },
    nearMiss: {
      a: { id: nearMiss.a.article.id, title: nearMiss.a.article.title },
      b: { id: nearMiss.b.article.id, title: nearMiss.b.article.title },
      similarity: nearMiss.s,
      apart: stories.get(nearMiss.a.article.id) !== stories.get(nearMiss.b.article.id),
    },
    seeds002and003: {
      similarity: s002_003,
      apart: stories.get(seed('002').id) !== stories.get(seed('003').id),
    },
    indexer: {
      indexed: report.indexed,
      joinedStory: report.joinedStory,
      storiesMerged: report.storiesMerged,
    },
  };

  const markdown = [
    `# Stories: pairwise precision and recall`,
    '',
    `${base.length} originals (the 5 seeds, ${TITLE_PAIRS} pairs of poems sharing a title, ${POEMS} more ` +
      `poems of ${MIN_POEM_CHARS}+ characters from chinese-poetry), each with ${VARIANT_KINDS.length} copies ` +
      `by other outlets, and ${FOLLOW_UPS} follow-ups: ${set.length} articles, indexed in a shuffled order ` +
      `(seed ${SEED}) by the real indexer. Rule: estimated Jaccard ≥ ${SIMILARITY_THRESHOLD} on folded ` +
      `5-character shingles, or containment ≥ ${CONTAINMENT_THRESHOLD} (src/stories/README.md). Regenerate: \`npm run bench:stories\`.`,
    '',
    markdownTable(
      ['measure', 'value', 'target'],
      [
        ['pairwise precision', pct(precision), `≥ ${pct(TARGETS.precision)}`],
        ['pairwise recall', pct(recall), `≥ ${pct(TARGETS.recall)}`],
        [
          'true pairs / predicted pairs / both',
          `${counts.truePairs} / ${counts.predictedPairs} / ${counts.bothPairs}`,
          '',
        ],
      ],
    ),
    '',
    "## Copies put in their original's story, by kind",
    '',
    markdownTable(
      ['kind', 'copies', 'joined', 'share'],
      perKind.map((k) => [k.kind, k.copies, k.joined, pct(k.recall)]),
    ),
    '',
    `Similarity of a copy to its original: lowest ${copySims[0]!.s.toFixed(2)}, 5th percentile ` +
      `${json.copySimilarity.p05.toFixed(2)}, median ${json.copySimilarity.median.toFixed(2)}.`,
    '',
    '## A true group: seed 000 and its copies',
    '',
    markdownTable(['kind', 'outlet', 'article id', 'similarity to original', 'story id'], example),
    '',
    '## Near misses, kept apart',
    '',
    `- Seeds 002 and 003 (two reports of Party members in COVID control): similarity ${s002_003.toFixed(2)}, ` +
      `${json.seeds002and003.apart ? 'different stories' : 'SAME STORY'}.`,
    `- The closest pair of different originals: 「${short(nearMiss.a.article.title)}」 and ` +
      `「${short(nearMiss.b.article.title)}」, similarity ${nearMiss.s.toFixed(2)}, ` +
      `${json.nearMiss.apart ? 'different stories' : 'SAME STORY'}.`,
    '',
    machineLine(machine),
    '',
  ].join('\n');

  const svg = renderChart(
    'Copies joined to their story, by kind',
    `threshold ${SIMILARITY_THRESHOLD}; seed ${SEED}`,
    [
      {
        title: "share of copies in their original's story",
        unit: '%',
        categories: perKind.map((k) => k.kind),
        series: [{ name: 'joined', values: perKind.map((k) => Math.round(k.recall * 1000) / 10) }],
        target: { value: TARGETS.recall * 100, label: 'recall target' },
      },
    ],
  );
  await publishResults('stories', process.env.BENCH_OUT || undefined, { json, svg, markdown });
  const built = Object.keys(await es.client.indices.getAlias({ name: ALIAS }));
  await es.client.indices.delete({ index: built });
}

runBench(main);
