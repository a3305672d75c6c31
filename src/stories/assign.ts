// Which story each article of a batch belongs to, given the articles already indexed that
// share an LSH band with it. Pure: the indexer looks the candidates up and writes the outcome.
//
// The rule (src/stories/README.md): a story is a connected component of the graph whose edges
// join two articles that sameStory() calls versions of one story, and its id is the
// smallest article id in it. Every pair is compared when the later of the two is indexed, so
// the components, and with them the ids, do not depend on the order of indexing.
import { bandHashes, sameStory, type Sketch } from './fingerprint';

export interface NewArticle extends Sketch {
  id: string;
}

/** An indexed article that shares a band with one of the batch. Its bands are not read from
 * the index: they follow from its signature (bandHashes). */
export interface Candidate extends Sketch {
  id: string;
  storyId: string;
}

export interface StoryAssignment {
  /** Article id -> story id, for every article of the batch. */
  storyOf: Map<string, string>;
  /** Indexed stories absorbed into another: every article with the old id takes the new one. */
  relabel: Map<string, string>;
  /** Articles of the batch that join a story founded by an indexed article or by an article
   * earlier in the batch: the copies. */
  joined: number;
  /** Indexed stories merged into another because a new article resembles both. */
  merged: number;
}

class UnionFind {
  private parent = new Map<string, string>();

  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression keeps later finds short.
    let node = x;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    if (!this.parent.has(root)) this.parent.set(root, root);
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller key becomes the root, so a component's root is its smallest member.
    if (ra < rb) this.parent.set(rb, ra);
    else if (rb < ra) this.parent.set(ra, rb);
  }
}

// Node keys: articles of the batch and indexed stories live in one union-find.
const articleNode = (id: string) => `a:${id}`;
const storyNode = (id: string) => `s:${id}`;

/**
 * Assigns story ids to `batch`. `candidates` are indexed articles sharing a band with some
 * article of the batch (any article of the batch itself among them is ignored: it is being
 * rewritten). Within the batch, articles are compared when they share a band.
 */
export function assignStories(
  batch: readonly NewArticle[],
  candidates: readonly Candidate[],
): StoryAssignment {
  const uf = new UnionFind();
  const inBatch = new Set(batch.map((a) => a.id));
  const others = candidates.filter((c) => !inBatch.has(c.id));

  // Batch against batch: only pairs that share a band are compared (LSH), as in the index.
  // Bands as numbers (bandHashes): no strings made for the thousands of candidates.
  const byBand = new Map<number, NewArticle[]>();
  for (const article of batch) {
    uf.find(articleNode(article.id));
    for (const band of bandHashes(article.signature)) {
      const bucket = byBand.get(band);
      if (bucket) bucket.push(article);
      else byBand.set(band, [article]);
    }
  }
  const compared = new Set<string>();
  for (const bucket of byBand.values()) {
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length; j++) {
        const [a, b] = [bucket[i]!, bucket[j]!];
        const key = a.id < b.id ? `${a.id}\n${b.id}` : `${b.id}\n${a.id}`;
        if (compared.has(key)) continue;
        compared.add(key);
        if (sameStory(a, b)) uf.union(articleNode(a.id), articleNode(b.id));
      }
    }
  }

  // Batch against the index: a resemblance to any version of a story joins that story. As
  // within the batch, only an article and a candidate that share a band are compared: each
  // candidate's bands are looked up among the batch's, so what is built grows with the batch,
  // not with the candidates (thousands of them, each read once).
  for (const candidate of others) {
    const seen = new Set<NewArticle>();
    for (const band of bandHashes(candidate.signature)) {
      for (const article of byBand.get(band) ?? []) {
        if (seen.has(article)) continue;
        seen.add(article);
        if (sameStory(article, candidate)) {
          uf.union(articleNode(article.id), storyNode(candidate.storyId));
        }
      }
    }
  }

  // A component's id: the smallest of its articles' ids and of its indexed stories' ids (each
  // already the smallest article id of its own component).
  const members = new Map<string, string[]>();
  const nodes = [
    ...batch.map((a) => articleNode(a.id)),
    ...new Set(others.map((c) => storyNode(c.storyId))),
  ];
  for (const node of nodes) {
    const root = uf.find(node);
    const list = members.get(root);
    if (list) list.push(node);
    else members.set(root, [node]);
  }
  const storyOf = new Map<string, string>();
  const relabel = new Map<string, string>();
  let joined = 0;
  let merged = 0;
  for (const component of members.values()) {
    const ids = component.map((node) => node.slice(2));
    const storyId = ids.reduce((min, id) => (id < min ? id : min));
    const stories = component.filter((node) => node.startsWith('s:')).map((n) => n.slice(2));
    const articles = component.filter((node) => node.startsWith('a:')).map((n) => n.slice(2));
    for (const id of articles) storyOf.set(id, storyId);
    // The first article read of a story founds it; every later one joins it.
    joined += stories.length > 0 ? articles.length : articles.length - 1;
    for (const old of stories) if (old !== storyId) relabel.set(old, storyId);
    if (stories.length > 1) merged += stories.length - 1;
  }
  return { storyOf, relabel, joined, merged };
}
