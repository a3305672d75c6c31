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

describe('ES_SHARDS and ES_REPLICAS', () => {
  it('default to one shard and replicas fitted to the nodes (0-1)', () => {
    expect(loadConfig({})).toMatchObject({ ES_SHARDS: 1, ES_REPLICAS: '0-1' });
  });

  it('take a count or a range, and name a bad value', () => {
    expect(loadConfig({ ES_SHARDS: '3', ES_REPLICAS: '2' })).toMatchObject({
      ES_SHARDS: 3,
      ES_REPLICAS: '2',
    });
    expect(loadConfig({ ES_REPLICAS: '0-all' }).ES_REPLICAS).toBe('0-all');
    expect(() => loadConfig({ ES_REPLICAS: 'many' })).toThrow(/ES_REPLICAS: a count/);
    expect(() => loadConfig({ ES_SHARDS: '0' })).toThrow(/ES_SHARDS/);
  });
});
