import { GROW_AFTER, InFlightWindow } from './in-flight';

describe('InFlightWindow', () => {
  it('starts at its maximum and refuses a limit under one', () => {
    expect(new InFlightWindow(3).limit).toBe(3);
    expect(() => new InFlightWindow(0)).toThrow(/< 1/);
  });

  it('halves on each 429, never under one', () => {
    const window = new InFlightWindow(8);
    window.throttled();
    expect(window.limit).toBe(4);
    window.throttled();
    window.throttled();
    window.throttled();
    expect(window.limit).toBe(1);
  });

  it('grows back by one after a run of batches without 429, up to its maximum', () => {
    const window = new InFlightWindow(2);
    window.throttled();
    for (let i = 1; i < GROW_AFTER; i++) window.succeeded();
    expect(window.limit).toBe(1);
    window.succeeded();
    expect(window.limit).toBe(2);
    for (let i = 0; i < 3 * GROW_AFTER; i++) window.succeeded();
    expect(window.limit).toBe(2);
  });

  it('starts the run over after a 429', () => {
    const window = new InFlightWindow(4);
    window.throttled();
    for (let i = 1; i < GROW_AFTER; i++) window.succeeded();
    window.throttled();
    for (let i = 1; i < GROW_AFTER; i++) window.succeeded();
    expect(window.limit).toBe(1);
  });
});
