import { envList } from './options';

describe('envList', () => {
  it('reads KEY=VALUE items, a value may hold = and be empty', () => {
    expect(envList('LOG_LEVEL=silent,METRICS=false')).toEqual({
      LOG_LEVEL: 'silent',
      METRICS: 'false',
    });
    expect(envList('A=b=c,B=')).toEqual({ A: 'b=c', B: '' });
    expect(envList('')).toEqual({});
  });

  it('names an item that is not KEY=VALUE', () => {
    expect(() => envList('LOG_LEVEL')).toThrow(/"LOG_LEVEL" is not KEY=VALUE/);
    expect(() => envList('=x')).toThrow(/"=x"/);
  });
});
