import { parseCliArgs } from './cli';

describe('parseCliArgs', () => {
  it('takes paths and the flags in any order', () => {
    expect(parseCliArgs(['corpus/', '--rebuild', 'more/'])).toEqual({
      paths: ['corpus/', 'more/'],
      rebuild: true,
      allowFailures: false,
    });
    expect(parseCliArgs(['--allow-failures', 'x'])).toEqual({
      paths: ['x'],
      rebuild: false,
      allowFailures: true,
    });
  });

  it('refuses no paths and unknown flags with the usage', () => {
    expect(() => parseCliArgs([])).toThrow(/usage: npm run index/);
    expect(() => parseCliArgs(['corpus/', '--rebiuld'])).toThrow(/usage: npm run index/);
  });
});
