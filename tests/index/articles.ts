// Hand-built articles for the indexer's tests (normalization has its own).
import type { Article } from '../../src/article';

export function article(id: string, overrides: Partial<Article> = {}): Article {
  return {
    id,
    title: `標題 ${id}`,
    body: [`第一段 ${id}`, '第二段'],
    subheadings: [],
    captions: [],
    published_at: '2020-01-31T08:00:00+08:00',
    source: '映象網',
    reporters: ['王文凱'],
    correspondents: ['蔣士勳'],
    editors: [],
    place: '滎陽',
    keywords: [],
    script: 'traditional',
    path: `corpus/${id}.txt`,
    removed: [{ stage: 'chrome', text: '返回首頁' }],
    ...overrides,
  };
}
