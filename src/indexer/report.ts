// What an indexer run did, counted so that the numbers add up, and its closing text.
import type { Article } from '../article';
import { fieldQuality, QUALITY_FIELDS, type QualityField } from '../normalize/quality';
import type { RunPlan } from './lifecycle';

export interface Failure {
  /** The file the article or failure came from. */
  path: string;
  /** The article's id, when the failure is one article's. */
  id?: string;
  reason: string;
}

export interface IndexReport {
  alias: string;
  plan: RunPlan;
  /** The physical index this run wrote to. */
  index: string;
  filesRead: number;
  /** Files normalization could not turn into articles (listed in failures). */
  filesFailed: number;
  articlesRead: number;
  indexed: number;
  unchanged: number;
  /** Articles with the id of one read earlier in the run: the same article from the same outlet
   * (and day) in another file, skipped. Another outlet's copy is not one: see joinedStory. */
  duplicates: number;
  /** Articles written that joined a story an article read before them had founded: another
   * outlet's copy, near-duplicate. They are indexed, and counted there too. */
  joinedStory: number;
  /** Indexed stories merged into another because a new article resembled both. */
  storiesMerged: number;
  /** Articles the engine or the conversion refused (listed in failures). */
  failed: number;
  /** Articles read but never sent because the run was aborted. */
  notSent: number;
  failures: Failure[];
  /** Articles read whose title, date or source normalization left missing or uncertain. */
  fields: Record<QualityField, { missing: number; uncertain: number }>;
  /** The first WARNINGS_KEPT warnings (normalization's and duplicates); warningCount counts all. */
  warnings: { path: string; warning: string }[];
  warningCount: number;
  /** Failed requests tried again (an engine restarting, busy, unreachable), and the longest
   * time one request kept failing before it got through. */
  retried: { times: number; longestMs: number };
  /** Why the run stopped early; absent when it went to the end. */
  aborted?: string;
  /** Where the alias points after the run (undefined: it does not exist). */
  aliasIndex: string | undefined;
  deletedIndices: string[];
  /** Physical indices of this alias that no run owns any more (an interrupted run's). */
  strayIndices: string[];
  elapsedMs: number;
}

/** What a progress display needs, sent after each file and each batch. */
export interface Progress {
  filesRead: number;
  articlesRead: number;
  indexed: number;
  unchanged: number;
  failed: number;
}

export function emptyReport(alias: string, plan: RunPlan, index: string): IndexReport {
  return {
    alias,
    plan,
    index,
    filesRead: 0,
    filesFailed: 0,
    articlesRead: 0,
    indexed: 0,
    unchanged: 0,
    duplicates: 0,
    joinedStory: 0,
    storiesMerged: 0,
    failed: 0,
    notSent: 0,
    failures: [],
    fields: {
      title: { missing: 0, uncertain: 0 },
      date: { missing: 0, uncertain: 0 },
      source: { missing: 0, uncertain: 0 },
    },
    warnings: [],
    warningCount: 0,
    retried: { times: 0, longestMs: 0 },
    aliasIndex: undefined,
    deletedIndices: [],
    strayIndices: [],
    elapsedMs: 0,
  };
}

/** A run succeeded when it went to the end and nothing in it failed. */
export function succeeded(report: IndexReport): boolean {
  return !report.aborted && report.failed === 0 && report.filesFailed === 0;
}

/** Every article read is indexed, unchanged, a duplicate, failed or not sent. */
export function accountedFor(report: IndexReport): number {
  const { indexed, unchanged, duplicates, failed, notSent } = report;
  return indexed + unchanged + duplicates + failed + notSent;
}

export function countsAddUp(report: IndexReport): boolean {
  return report.articlesRead === accountedFor(report);
}

/** Counts an article's missing and uncertain fields. */
export function addFieldQuality(report: IndexReport, article: Article): void {
  const quality = fieldQuality(article);
  for (const field of QUALITY_FIELDS) {
    if (quality[field] === 'missing') report.fields[field].missing += 1;
    if (quality[field] === 'uncertain') report.fields[field].uncertain += 1;
  }
}

/** Warnings can be as many as files; a sample is enough to act on, the count says the rest. */
export const WARNINGS_KEPT = 100;

export function addWarning(report: IndexReport, path: string, warning: string): void {
  report.warningCount += 1;
  if (report.warnings.length < WARNINGS_KEPT) report.warnings.push({ path, warning });
}

const LISTED = 50;

function listed<T>(items: T[], line: (item: T) => string, total = items.length): string[] {
  const lines = items.slice(0, LISTED).map((item) => `  ${line(item)}`);
  const shown = Math.min(items.length, LISTED);
  if (total > shown) lines.push(`  ... and ${total - shown} more`);
  return lines;
}

function describePlan(plan: RunPlan): string {
  if (plan.mode === 'in-place') return 'updated the live index in place';
  const why = {
    requested: 'rebuild requested',
    'definition-changed': 'the index definition changed',
    'no-index': 'no index yet',
  }[plan.reason];
  return `built a new index (${why})`;
}

export function formatReport(report: IndexReport): string {
  const seconds = (report.elapsedMs / 1000).toFixed(1);
  const lines = [
    `${report.aborted ? 'ABORTED' : succeeded(report) ? 'done' : 'done with failures'}: ` +
      `${describePlan(report.plan)}: ${report.index} (alias ${report.alias}), ${seconds} s`,
    `files read:    ${report.filesRead}` +
      (report.filesFailed > 0 ? ` (${report.filesFailed} could not be read)` : ''),
    `articles read: ${report.articlesRead}`,
    `  indexed:     ${report.indexed}`,
    `  unchanged:   ${report.unchanged}`,
    `  duplicates:  ${report.duplicates} (same outlet, same article: skipped)`,
    `  failed:      ${report.failed}`,
    `stories:       ${report.joinedStory} of the articles written are copies that joined a story` +
      (report.storiesMerged > 0 ? `; ${report.storiesMerged} stories merged into others` : ''),
  ];
  if (report.notSent > 0) lines.push(`  not sent:    ${report.notSent} (run aborted)`);
  if (report.articlesRead > 0) {
    const f = report.fields;
    lines.push(
      `fields:        ${QUALITY_FIELDS.map((k) => `${k} ${f[k].missing} missing, ${f[k].uncertain} uncertain`).join('; ')}`,
    );
  }
  if (report.retried.times > 0) {
    const longest = (report.retried.longestMs / 1000).toFixed(1);
    lines.push(
      `retried:       ${report.retried.times} failed requests, sent again; ` +
        `the longest went on failing for ${longest} s`,
    );
  }
  if (report.aborted) lines.push(`aborted: ${report.aborted}`);
  if (report.failures.length > 0) {
    lines.push(`failures (${report.failures.length}):`);
    lines.push(
      ...listed(report.failures, (f) => `${f.path}${f.id ? ` [${f.id}]` : ''}: ${f.reason}`),
    );
  }
  if (report.warningCount > 0) {
    lines.push(`warnings (${report.warningCount}):`);
    lines.push(...listed(report.warnings, (w) => `${w.path}: ${w.warning}`, report.warningCount));
  }
  const target = report.aliasIndex
    ? `alias ${report.alias} -> ${report.aliasIndex}`
    : `alias ${report.alias} does not exist`;
  const leftAsItWas = report.plan.mode === 'rebuild' && report.aliasIndex !== report.index;
  lines.push(leftAsItWas ? `${target} (left as it was: the new index was not put live)` : target);
  if (report.deletedIndices.length > 0) lines.push(`deleted: ${report.deletedIndices.join(', ')}`);
  if (report.strayIndices.length > 0) {
    lines.push(`stray indices of earlier interrupted runs: ${report.strayIndices.join(', ')}`);
  }
  return lines.join('\n');
}
