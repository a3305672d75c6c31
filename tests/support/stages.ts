// What the stage tests share: a draft's texts and kinds, and seed lines cleaned as every stage
// after the text-cleaning ones sees them in a real run.
import { runStages, type Draft } from '../../src/normalize/draft';
import * as artifacts from '../../src/normalize/stages/artifacts';
import { STAGES } from '../../src/normalize/stages/registry';
import { seedDraft, type SeedName } from '../fixtures/seeds';

export const texts = (d: Draft) => d.blocks.map((b) => b.text);
export const kinds = (d: Draft) => d.blocks.map((b) => b.kind);

const cleaning = new Set<unknown>(Object.values(artifacts));
/** The registry's text-cleaning stages (stages/artifacts.ts), in the registry's order. */
export const TEXT_CLEANING = STAGES.filter((stage) => cleaning.has(stage));

/** Lines of a seed (1-based numbers) after text cleaning: width, spacing, pinyin, bullets. */
export function cleanSeed(name: SeedName, lines: number[], fields: Partial<Draft> = {}): Draft {
  return runStages(TEXT_CLEANING, seedDraft(name, lines, fields));
}
