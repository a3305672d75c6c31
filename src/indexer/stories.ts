// Story ids for the batches of one run (src/stories/README.md has the rule). The rule compares
// every pair of articles when the later one is indexed, so a batch must be compared with every
// article grouped before it: those a search sees (after a refresh, one terms query on the
// batch's bands) and those whose bulk request is still open (INDEX_BULK_IN_FLIGHT), which no
// search may see yet and which are held here until their write ends. Batches are grouped one at
// a time; their writes still overlap.
import type { Client } from '@elastic/elasticsearch';
import { assignStories, type Candidate } from '../stories/assign';
import { decodeSketch } from '../stories/fingerprint';
import type { Pending } from './bulk';
import * as es from './es';
import type { IndexReport } from './report';
import { withRetry, type RetryPolicy } from './retry';

/**
 * Indexed articles a batch is compared with, at most (the engine's result window). A batch of
 * 500 new articles with a dozen earlier versions each stays well below; past it, the candidates
 * left out are versions of stories that the ones read already lead to, most of the time.
 */
export const STORY_CANDIDATES = 10_000;

/** A grouped batch whose write has not ended: its articles with their story ids. */
interface Unwritten {
  articles: Candidate[];
  written: Promise<void>;
}

export class StoryGrouping {
  /** Ends when the batch grouped last has its ids: the next one waits for it. */
  private turn: Promise<void> = Promise.resolve();
  private readonly unwritten = new Set<Unwritten>();

  constructor(
    private readonly client: Client,
    private readonly index: string,
    private readonly report: IndexReport,
    private readonly retry: RetryPolicy,
  ) {}

  /**
   * Sets the story id of each document of `write` (the batch minus what the index already
   * holds unchanged). Returns the function to call once the batch's write has ended, whatever
   * its outcome: until then the batch's articles are compared from memory.
   */
  async group(write: Pending[]): Promise<() => void> {
    const previous = this.turn;
    let ready!: () => void;
    this.turn = new Promise((resolve) => (ready = resolve));
    await previous;
    let ended!: () => void;
    const entry: Unwritten = {
      articles: [],
      written: new Promise((resolve) => (ended = resolve)),
    };
    try {
      entry.articles = await this.assign(write);
      this.unwritten.add(entry);
    } finally {
      ready();
    }
    return () => {
      this.unwritten.delete(entry);
      ended();
    };
  }

  private async assign(write: Pending[]): Promise<Candidate[]> {
    const { client, index, retry } = this;
    if (write.length === 0) return [];
    const batch = write.map(({ doc }) => ({
      id: doc.id,
      bands: doc.story_bands,
      ...decodeSketch(doc.fingerprint ?? ''),
    }));
    // Taken before the refresh: a write that ends after it is still in this list, and one
    // that ended before it is visible to the search.
    const held = [...this.unwritten].flatMap((entry) => entry.articles);
    await withRetry(() => es.refresh(client, index), retry);
    const bands = [...new Set(batch.flatMap((a) => a.bands))];
    const found = await withRetry(
      () => es.storyCandidates(client, index, bands, STORY_CANDIDATES),
      retry,
    );
    const candidates = new Map<string, Candidate>();
    for (const c of found) {
      candidates.set(c.id, {
        id: c.id,
        storyId: c.story_id,
        bands: c.story_bands,
        ...decodeSketch(c.fingerprint ?? ''),
      });
    }
    for (const c of held) candidates.set(c.id, c);
    const { storyOf, relabel, joined, merged } = assignStories(batch, [...candidates.values()]);
    if (relabel.size > 0) {
      // Versions of a story being moved may sit in a bulk request still open, with the old
      // id: let those writes end (merges are rare), so that the move finds them in the index.
      await Promise.all([...this.unwritten].map((entry) => entry.written));
      await withRetry(() => es.refresh(client, index), retry);
      await withRetry(() => es.relabelStories(client, index, relabel), retry);
    }
    for (const { doc } of write) doc.story_id = storyOf.get(doc.id) ?? doc.id;
    this.report.joinedStory += joined;
    this.report.storiesMerged += merged;
    return batch.map((a) => ({ ...a, storyId: storyOf.get(a.id) ?? a.id }));
  }
}
