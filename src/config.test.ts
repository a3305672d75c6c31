import { esNodes, loadConfig } from './config';

describe('ES_URL', () => {
  it('takes one node or a comma-separated node list', () => {
    expect(esNodes(loadConfig({ ES_URL: 'http://es:9200' }).ES_URL)).toEqual(['http://es:9200']);
    const list = 'http://es:9200, http://es:9201,http://es:9202';
    expect(esNodes(loadConfig({ ES_URL: list }).ES_URL)).toEqual([
      'http://es:9200',
      'http://es:9201',
      'http://es:9202',
    ]);
  });

  it('names the variable when one entry is not a URL', () => {
    expect(() => loadConfig({ ES_URL: 'http://es:9200,es02' })).toThrow(/ES_URL: one URL/);
    expect(() => loadConfig({ ES_URL: ',' })).toThrow(/ES_URL/);
  });
});
