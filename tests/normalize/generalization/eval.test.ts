// The targets, held on both splits of the generalization set, page by page and by folder.
import { emptyLists } from '../../../src/article';
import { runSet } from './eval';
import { loadPages, parsePage, SPLITS } from './pages';
import { scorePage, summarize } from './score';

describe('the generalization set', () => {
  it('has at least 40 pages on 20 outlets, and no outlet in both splits', () => {
    const pages = loadPages();
    expect(pages.length).toBeGreaterThanOrEqual(40);
    expect(new Set(pages.map((p) => p.outlet)).size).toBeGreaterThanOrEqual(20);
    const [tune, held] = SPLITS.map((s) => new Set(loadPages([s]).map((p) => p.outlet)));
    expect([...tune!].filter((o) => held!.has(o))).toEqual([]);
  });

  it('scores a leaked chrome line, a lost sentence and a wrong title', () => {
    const page = parsePage(
      'x',
      'tune',
      'outlet: o\nlayout: l\ntitle: 标题\ndate: -\nsource: -\nplace: -\nreporters: -\neditors: -\n===\n~ 首页 > 新闻\n# 标题\n第一句。第二句。\n',
    );
    const article = {
      ...emptyLists(),
      ...{ id: 'x', script: 'simplified' as const, path: 'x' },
      title: '首页 > 新闻',
      body: ['第一句。'],
    };
    const s = scorePage(page, article, []);
    expect([s.right.title, s.leaked, s.lost]).toEqual([false, ['首页 > 新闻'], ['第二句。']]);
  });

  it.each(SPLITS)(
    'meets the targets on the %s split, page by page and by folder',
    async (split) => {
      for (const mode of ['page', 'folder'] as const) {
        const s = summarize((await runSet(loadPages([split]), mode)).scores);
        for (const field of ['title', 'date', 'source'] as const) {
          expect([mode, field, s.accuracy[field] >= 0.9]).toEqual([mode, field, true]);
        }
        // Places: 95% on both splits when the lead's place came in (extractPlaceFromLead), which
        // must invent none on pages whose annotators found no dateline place.
        expect([mode, 'place', s.accuracy.place >= 0.95]).toEqual([mode, 'place', true]);
        expect(s.namedReporters).toBeGreaterThanOrEqual(0.8);
        expect(s.chromePerPage).toBeLessThanOrEqual(0.5);
        expect(s.sentencesLost).toBe(0);
      }
    },
  );
});
