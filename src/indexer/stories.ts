// Story ids for the batches of one run (src/stories/README.md has the rule). The rule compares
// every pair of articles when the later one is indexed, so a batch must be compared with every
// article grouped before it: those a search sees (one terms query on the batch's bands) and
// those no search sees yet, held here: batches whose bulk request is still open
// (INDEX_BULK_IN_FLIGHT), and batches written since the last refresh. A refresh makes the
// written ones visible and lets them go; it is asked for only when they pass HELD_ARTICLES,
// since a refresh before every batch cost as much as the writes themselves (bench:stories-cost).
// Batches are grouped one at a time; their writes still overlap.
import type { Client } from '@elastic/elasticsearch';
import { assignStories, type Candidate } from '../stories/assign';
import { decodeSketch } from '../stories/fingerprint';
import type { Pending } from './bulk';
import * as es from './es';
import type { IndexReport } from './report';
import type { Retrying } from './retry';

/**
 * Indexed articles a batch is compared with, at most (the engine's result window). A batch of
 * 500 new articles with a dozen earlier versions each stays well below; past it, the candidates
 * left out are versions of stories that the ones read already lead to, most of the time.
 */
export const STORY_CANDIDATES = 10_000;

/**
 * Written articles held in memory before a refresh lets them go: four batches of 500, some
 * 700 bytes each (the id, the story id and 128 signature values), under 2 MB.
 */
export const HELD_ARTICLES = 2_000;

/** A grouped batch no search may see yet: its articles with their story ids. */
interface Held {
  articles: Candidate[];
  /** Ends with the batch's write, whatever its outcome. */
  written: Promise<void>;
  done: boolean;
}

export class StoryGrouping {
  /** Ends when the batch grouped last has its ids: the next one waits for it. */
  private turn: Promise<void> = Promise.resolve();
  private held: Held[] = [];

  constructor(
    private readonly client: Client,
    private readonly index: string,
    private readonly report: IndexReport,
    private readonly retry: Retrying,
  ) {}

  /**
   * Sets the story id of each document of `write` (the batch minus what the index already
   * holds unchanged). Returns the function to call once the batch's write has ended, whatever
   * its outcome; until a refresh after that, the batch's articles are compared from memory.
   */
  async group(write: Pending[]): Promise<() => void> {
    const previous = this.turn;
    let ready!: () => void;
    this.turn = new Promise((resolve) => (ready = resolve));
    await previous;
    let ended!: () => void;
    const entry: Held = {
      articles: [],
      written: new Promise((resolve) => (ended = resolve)),
      done: false,
    };
    try {
      entry.articles = await this.assign(write);
      if (entry.articles.length > 0) this.held.push(entry);
    } finally {
      ready();
    }
    return () => {
      entry.done = true;
      ended();
    };
  }

  /** Refreshes, then lets go of the batches whose write had ended before: a search sees them. */
  private async refresh(): Promise<void> {
    const visible = new Set(this.held.filter((entry) => entry.done));
    await this.retry(() => es.refresh(this.client, this.index));
    this.held = this.held.filter((entry) => !visible.has(entry));
  }

  private async assign(write: Pending[]): Promise<Candidate[]> {
    const { client, index, retry } = this;
    if (write.length === 0) return [];
    const written = this.held.filter((entry) => entry.done);
    if (written.reduce((n, entry) => n + entry.articles.length, 0) >= HELD_ARTICLES) {
      await this.refresh();
    }
    const batch = write.map(({ doc }) => ({ id: doc.id, ...decodeSketch(doc.fingerprint ?? '') }));
    const bands = [...new Set(write.flatMap(({ doc }) => doc.story_bands))];
    const found = await retry(() => es.storyCandidates(client, index, bands, STORY_CANDIDATES));
    const candidates = new Map<string, Candidate>();
    for (const c of found) {
      candidates.set(c.id, { id: c.id, storyId: c.story_id, ...decodeSketch(c.fingerprint ?? '') });
    }
    // Every held article: assignStories compares only those sharing a band, and they are at
    // least as new as their copies in the index, if any.
    for (const entry of this.held) for (const c of entry.articles) candidates.set(c.id, c);
    const { storyOf, relabel, joined, merged } = assignStories(batch, [...candidates.values()]);
    if (relabel.size > 0) {
      // Versions of a story being moved may be held, some in a bulk request still open, with
      // the old id: let those writes end (merges are rare) and refresh, so that the move finds
      // every one of them in the index.
      await Promise.all(this.held.map((entry) => entry.written));
      await this.refresh();
      await retry(() => es.relabelStories(client, index, relabel));
    }
    for (const { doc } of write) doc.story_id = storyOf.get(doc.id) ?? doc.id;
    this.report.joinedStory += joined;
    this.report.storiesMerged += merged;
    return batch.map((a) => ({ ...a, storyId: storyOf.get(a.id) ?? a.id }));
  }
}
