import { escapeXml, formatTick, formatValue, renderChart, tickStep } from './svg';

describe('tickStep', () => {
  it('picks 1, 2 or 5 times a power of ten for about five ticks', () => {
    expect(tickStep(100)).toBe(20);
    expect(tickStep(4128)).toBe(1000);
    expect(tickStep(0.97)).toBe(0.2);
    expect(tickStep(0)).toBe(1);
  });
});

describe('formatTick and formatValue', () => {
  it('print as many decimals as needed and group thousands', () => {
    expect(formatTick(0, 20)).toBe('0');
    expect(formatTick(0.6000000001, 0.2)).toBe('0.6');
    expect(formatTick(12000, 2000)).toBe('12 000');
    expect(formatValue(12345.6)).toBe('12 346');
    expect(formatValue(3.456)).toBe('3.46');
    expect(formatValue(0.9734)).toBe('0.973');
  });
});

describe('renderChart', () => {
  const svg = renderChart('T <&>', 'note', [
    {
      title: 'Throughput',
      unit: 'docs/s',
      categories: ['10k', '100k'],
      series: [
        { name: 'pipeline', values: [900, 1000] },
        { name: 'raw', values: [1200, undefined] },
      ],
      target: { value: 0.7, label: 'target' },
    },
  ]);

  it('draws one bar per value, leaving gaps for missing ones', () => {
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(3);
    expect(svg).toContain('>1 200</text>');
  });

  it('escapes text and is one svg element', () => {
    expect(svg).toContain('T &#60;&#38;&#62;');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(escapeXml('"\'')).toBe('&#34;&#39;');
  });
});
