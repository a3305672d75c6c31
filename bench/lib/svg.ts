// Grouped bar charts as SVG, written by hand: no browser, no canvas, no chart dependency. Pure.

export interface Series {
  name: string;
  /** One value per category; undefined leaves a gap. */
  values: (number | undefined)[];
}

export interface Panel {
  title: string;
  unit: string;
  categories: string[];
  series: Series[];
  /** A dashed line marking the target, when there is one. */
  target?: { value: number; label: string };
}

const COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#af7aa1'];
const WIDTH = 760;
const PANEL_HEIGHT = 260;
const PLOT = { left: 70, right: 20, top: 40, bottom: 50 };

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A round step for about five ticks up to `max` (1, 2 or 5 times a power of ten). */
export function tickStep(max: number): number {
  if (max <= 0) return 1;
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].find((m) => m * power >= rough)!;
  return step * power;
}

/** An axis label: as many decimals as the step needs, no more. */
export function formatTick(value: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return value.toFixed(decimals).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Numbers as people read them on a chart: 12 345, 3.4, 0.973. */
export function formatValue(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString('en-US').replace(/,/g, ' ');
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

function panelSvg(panel: Panel, top: number): string {
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = PANEL_HEIGHT - PLOT.top - PLOT.bottom;
  const values = panel.series.flatMap((s) => s.values.filter((v): v is number => v !== undefined));
  const max = Math.max(...values, panel.target?.value ?? 0, Number.MIN_VALUE);
  const step = tickStep(max);
  const axisMax = Math.ceil((max * 1.1) / step) * step;
  const y = (value: number) => top + PLOT.top + plotHeight * (1 - value / axisMax);
  const out: string[] = [];

  out.push(
    `<text x="${PLOT.left}" y="${top + 22}" font-size="15" font-weight="bold">` +
      `${escapeXml(panel.title)}</text>`,
  );
  out.push(
    `<text x="14" y="${top + PLOT.top + plotHeight / 2}" font-size="11" ` +
      `transform="rotate(-90 14 ${top + PLOT.top + plotHeight / 2})" text-anchor="middle">` +
      `${escapeXml(panel.unit)}</text>`,
  );
  for (let tick = 0; tick <= axisMax + step / 2; tick += step) {
    out.push(
      `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(tick)}" y2="${y(tick)}" ` +
        `stroke="#ddd"/>`,
      `<text x="${PLOT.left - 6}" y="${y(tick) + 4}" font-size="11" text-anchor="end">` +
        `${formatTick(tick, step)}</text>`,
    );
  }

  const groupWidth = plotWidth / Math.max(panel.categories.length, 1);
  const barWidth = (groupWidth * 0.8) / Math.max(panel.series.length, 1);
  panel.categories.forEach((category, c) => {
    const groupLeft = PLOT.left + c * groupWidth + groupWidth * 0.1;
    panel.series.forEach((series, s) => {
      const value = series.values[c];
      if (value === undefined) return;
      const x = groupLeft + s * barWidth;
      out.push(
        `<rect class="bar" x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" ` +
          `height="${(y(0) - y(value)).toFixed(1)}" fill="${COLORS[s % COLORS.length]}"/>`,
        `<text x="${(x + barWidth / 2 - 1).toFixed(1)}" y="${(y(value) - 4).toFixed(1)}" ` +
          `font-size="10" text-anchor="middle">${formatValue(value)}</text>`,
      );
    });
    out.push(
      `<text x="${(PLOT.left + (c + 0.5) * groupWidth).toFixed(1)}" y="${y(0) + 18}" ` +
        `font-size="12" text-anchor="middle">${escapeXml(category)}</text>`,
    );
  });

  if (panel.target) {
    const ty = y(panel.target.value).toFixed(1);
    out.push(
      `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${ty}" y2="${ty}" ` +
        `stroke="#c00" stroke-dasharray="6 4"/>`,
      `<text x="${WIDTH - PLOT.right}" y="${Number(ty) - 4}" font-size="11" fill="#c00" ` +
        `text-anchor="end">${escapeXml(panel.target.label)}</text>`,
    );
  }

  let legendX = PLOT.left;
  for (const [s, series] of panel.series.entries()) {
    const ly = top + PANEL_HEIGHT - 14;
    out.push(
      `<rect x="${legendX}" y="${ly - 10}" width="12" height="12" fill="${COLORS[s % COLORS.length]}"/>`,
      `<text x="${legendX + 16}" y="${ly}" font-size="12">${escapeXml(series.name)}</text>`,
    );
    legendX += 28 + series.name.length * 7;
  }
  return out.join('\n');
}

/** A chart of panels stacked top to bottom, with a title and a line of notes under it. */
export function renderChart(title: string, note: string, panels: Panel[]): string {
  const head = 56;
  const height = head + panels.length * PANEL_HEIGHT;
  const body = panels.map((panel, i) => panelSvg(panel, head + i * PANEL_HEIGHT));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" ` +
      `viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="${WIDTH / 2}" y="24" font-size="17" font-weight="bold" text-anchor="middle">` +
      `${escapeXml(title)}</text>`,
    `<text x="${WIDTH / 2}" y="44" font-size="11" fill="#555" text-anchor="middle">` +
      `${escapeXml(note)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
