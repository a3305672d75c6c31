// The registry is the one list of stages: every stage is in it once, under its own name.
import type { Stage } from '../draft';
import { STAGES } from './registry';
import * as artifacts from './artifacts';
import * as chrome from './chrome';
import * as dateline from './dateline';
import * as example from './drop-share-widgets';
import * as metadata from './metadata';
import * as siteBoilerplate from './site-boilerplate';
import * as structure from './structure';
import * as title from './title';
import * as widgets from './widgets';

const isStage = (v: unknown): v is Stage =>
  typeof v === 'object' && v !== null && 'name' in v && 'run' in v;

const exported = Object.entries({
  ...artifacts,
  ...chrome,
  ...dateline,
  ...example,
  ...metadata,
  ...siteBoilerplate,
  ...structure,
  ...title,
  ...widgets,
}).filter((entry): entry is [string, Stage] => isStage(entry[1]));

describe('the stage registry', () => {
  it('holds every exported stage exactly once', () => {
    expect(exported.length).toBeGreaterThan(30);
    for (const [key, stage] of exported) {
      expect([key, STAGES.filter((s) => s === stage).length]).toEqual([key, 1]);
    }
    expect(STAGES).toHaveLength(exported.length);
  });

  it('names each stage as it is exported, so removals point at the code', () => {
    for (const [key, stage] of exported) expect(stage.name).toBe(key);
    expect(new Set(STAGES.map((s) => s.name)).size).toBe(STAGES.length);
  });

  it('cleans text first, removes chrome next, then reads metadata, then sorts lines', () => {
    const at = (name: string) => STAGES.findIndex((s) => s.name === name);
    expect(at('stripPinyinAnnotations')).toBeLessThan(at('dropRelatedLists'));
    expect(at('dropSiteHeader')).toBeLessThan(at('dropBreadcrumbs'));
    expect(at('dropRelatedLists')).toBeLessThan(at('extractTitle'));
    expect(at('extractPublishedDate')).toBeLessThan(at('extractTitle'));
    expect(at('extractEditors')).toBeLessThan(at('extractKeywords'));
    expect(at('extractDateline')).toBeLessThan(at('extractByline'));
    expect(at('extractByline')).toBeLessThan(at('inferDateYear'));
    expect(at('extractCaptionsAfterImageAlt')).toBeLessThan(at('dropRepeatedTitle'));
    expect(at('extractPhotoCaptions')).toBeLessThan(at('extractSubheadings'));
  });
});
