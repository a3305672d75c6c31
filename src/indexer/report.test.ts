import { emptyLists, type Article } from '../article';
import {
  addFieldQuality,
  addWarning,
  countsAddUp,
  emptyReport,
  formatReport,
  succeeded,
  WARNINGS_KEPT,
  type IndexReport,
} from './report';

const report = (overrides: Partial<IndexReport>): IndexReport => ({
  ...emptyReport(
    'articles',
    { mode: 'in-place', index: 'articles-abcdef012345-1' },
    'articles-abcdef012345-1',
  ),
  aliasIndex: 'articles-abcdef012345-1',
  ...overrides,
});

const article = (overrides: Partial<Article>): Article => ({
  ...emptyLists(),
  id: 'x',
  title: '标题',
  body: ['正文。'],
  script: 'simplified',
  path: 'a.txt',
  ...overrides,
});

describe('the report', () => {
  it('counts missing and uncertain titles, dates and sources, and prints them', () => {
    const r = report({ articlesRead: 3 });
    addFieldQuality(r, article({ source: '新华社', published_at: '2023-01-11T00:00:00+08:00' }));
    addFieldQuality(
      r,
      article({
        title: '',
        evidence: { title: { stage: 'extractTitle', text: '经济频道', uncertain: true } },
        date: { month: 1, day: 11, evidence: 'partial', raw: '新华社北京1月11日电' },
      }),
    );
    addFieldQuality(r, article({ title: '' }));
    expect(r.fields).toEqual({
      title: { missing: 1, uncertain: 1 },
      date: { missing: 1, uncertain: 1 },
      source: { missing: 2, uncertain: 0 },
    });
    expect(formatReport(r)).toContain(
      'fields:        title 1 missing, 1 uncertain; date 1 missing, 1 uncertain; source 2 missing, 0 uncertain',
    );
  });

  it('says how much was retried only when something was', () => {
    expect(formatReport(report({}))).not.toContain('retried:');
    expect(formatReport(report({ retried: { times: 12, longestMs: 74_250 } }))).toContain(
      'retried:       12 failed requests, sent again; the longest went on failing for 74.3 s',
    );
  });

  it('succeeds only when nothing failed and the run was not aborted', () => {
    expect(succeeded(report({ articlesRead: 5, indexed: 5 }))).toBe(true);
    expect(succeeded(report({ articlesRead: 5, indexed: 4, failed: 1 }))).toBe(false);
    expect(succeeded(report({ filesFailed: 1 }))).toBe(false);
    expect(succeeded(report({ aborted: 'engine gone' }))).toBe(false);
  });

  it('checks that read = indexed + unchanged + duplicates + failed + not sent', () => {
    const counts = { articlesRead: 8, indexed: 3, unchanged: 2, duplicates: 1, failed: 1 };
    expect(countsAddUp(report({ ...counts, notSent: 1 }))).toBe(true);
    expect(countsAddUp(report(counts))).toBe(false);
  });

  it('keeps a sample of the warnings and counts them all', () => {
    const r = report({});
    for (let i = 0; i < WARNINGS_KEPT + 20; i++) addWarning(r, `f${i}`, 'no title');
    expect(r.warnings).toHaveLength(WARNINGS_KEPT);
    expect(r.warningCount).toBe(WARNINGS_KEPT + 20);
    expect(formatReport(r)).toContain(`warnings (${WARNINGS_KEPT + 20}):`);
    expect(formatReport(r)).toContain(`... and ${WARNINGS_KEPT + 20 - 50} more`);
  });

  it('prints every count, each failure with its file and reason, and where the alias is', () => {
    const text = formatReport(
      report({
        filesRead: 5,
        articlesRead: 5,
        indexed: 1,
        unchanged: 2,
        duplicates: 1,
        failed: 1,
        failures: [
          { path: 'corpus/x.txt', id: 'x', reason: 'document_parsing_exception: bad date' },
        ],
        elapsedMs: 1234,
      }),
    );
    expect(text).toContain('done with failures: updated the live index in place');
    expect(text).toMatch(/files read: +5/);
    expect(text).toMatch(/articles read: 5/);
    expect(text).toMatch(/stories: +0 of the articles written are copies/);
    expect(text).toMatch(/indexed: +1\n +unchanged: +2\n +duplicates: +1 .*\n +failed: +1/);
    expect(text).toContain('corpus/x.txt [x]: document_parsing_exception: bad date');
    expect(text).toContain('alias articles -> articles-abcdef012345-1');
  });

  it('says when a new index was not put live', () => {
    const text = formatReport({
      ...report({ aborted: 'writing to new: index_closed_exception' }),
      plan: { mode: 'rebuild', reason: 'requested', previous: 'articles-abcdef012345-1' },
      index: 'articles-abcdef012345-2',
      deletedIndices: ['articles-abcdef012345-2'],
    });
    expect(text).toMatch(/^ABORTED: built a new index \(rebuild requested\)/);
    expect(text).toContain('alias articles -> articles-abcdef012345-1 (left as it was');
    expect(text).toContain('deleted: articles-abcdef012345-2');
  });

  it('says a rebuild with failures went live, without calling it left as it was', () => {
    const text = formatReport({
      ...report({
        articlesRead: 3,
        indexed: 2,
        failed: 1,
        failures: [{ path: 'corpus/bad.txt', id: 'bad', reason: 'bad date' }],
      }),
      plan: { mode: 'rebuild', reason: 'no-index' },
      index: 'articles-abcdef012345-2',
      aliasIndex: 'articles-abcdef012345-2',
    });
    expect(text).toMatch(/^done with failures: built a new index \(no index yet\)/);
    expect(text).toContain('corpus/bad.txt [bad]: bad date');
    expect(text).toContain('alias articles -> articles-abcdef012345-2');
    expect(text).not.toContain('left as it was');
  });

  it('lists at most 50 failures and says how many more', () => {
    const failures = Array.from({ length: 60 }, (_, i) => ({ path: `f${i}`, reason: 'r' }));
    const text = formatReport(report({ failures }));
    expect(text).toContain('failures (60):');
    expect(text).toContain('... and 10 more');
    expect(text).not.toContain('f55');
  });
});
