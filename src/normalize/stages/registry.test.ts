// The registry is the one list of stages: every stage is in it once, under its own name.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Stage } from '../draft';
import { STAGES } from './registry';

const isStage = (v: unknown): v is Stage =>
  typeof v === 'object' && v !== null && 'name' in v && 'run' in v;

// Every module of this folder but the registry: a new stage file is seen without being listed.
const modules = readdirSync(__dirname).filter(
  (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && file !== 'registry.ts',
);
const exported = modules
  .flatMap((file) =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Object.entries(require(join(__dirname, file)) as Record<string, unknown>),
  )
  .filter((entry): entry is [string, Stage] => isStage(entry[1]));

describe('the stage registry', () => {
  it('holds every exported stage exactly once', () => {
    expect(modules).toEqual(expect.arrayContaining(['artifacts.ts', 'drop-share-widgets.ts']));
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
