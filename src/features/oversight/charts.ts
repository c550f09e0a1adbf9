import * as vega from 'vega';
import { SUPPRESSED_TEXT, type DisclosedTable } from './disclosure-control.ts';

/**
 * Charts drawn on the SERVER as SVG by Vega (docs/decisions/0001-libraries.md): they show with JavaScript
 * off and under the CSP (presentation attributes only, no style, no script). Every chart is drawn from a
 * DISCLOSED table, so it can never show more than its table; a hidden value is drawn as no bar with the
 * label "[c]". The SVG is one image to assistive technology: role="img", named by its <title> and
 * described by its <desc>; the table that follows it carries the figures.
 */

export type ChartSeries = { name: string; values: (number | null)[]; hidden: boolean[] };
export type ChartData = {
  id: string;
  title: string;
  description: string;
  valueLabel: string;
  categories: string[];
  series: ChartSeries[];
  decimals: number;
};

// GOV.UK colours with enough contrast against white for bars.
const COLOURS = ['#1d70b8', '#f47738', '#28a197', '#4c2c92', '#d53880', '#00703c', '#505a5f'];
const FONT = 'arial, sans-serif';

/** A chart of some columns of a disclosed table: one bar per data row and column (the Total row is left out). */
export function chartFromTable(
  table: DisclosedTable,
  columnKeys: string[],
  opts: { id?: string; title: string; valueLabel: string; decimals?: number },
): ChartData {
  const rows = table.rows.filter((r) => !r.isTotal);
  const series = columnKeys.map((key) => {
    const i = table.columns.findIndex((c) => c.key === key);
    const column = table.columns[i];
    if (!column) throw new RangeError(`No column ${key} in ${table.id}`);
    return {
      name: column.label,
      values: rows.map((r) => r.cells[i]?.value ?? null),
      hidden: rows.map((r) => r.cells[i]?.suppressed ?? false),
    };
  });
  return {
    id: opts.id ?? `chart-${table.id}`,
    title: opts.title,
    description: describe(
      rows.map((r) => r.label),
      series,
      opts.decimals ?? 0,
    ),
    valueLabel: opts.valueLabel,
    categories: rows.map((r) => r.label),
    series,
    decimals: opts.decimals ?? 0,
  };
}

/** The chart in words, for <desc>: every bar's value, so nothing is only visible in the picture. */
export function describe(categories: string[], series: ChartSeries[], decimals: number): string {
  const value = (s: ChartSeries, i: number) =>
    s.hidden[i]
      ? `${SUPPRESSED_TEXT} (not shown)`
      : s.values[i] === null
        ? 'not applicable'
        : (s.values[i] ?? 0).toFixed(decimals);
  const parts = categories.map((c, i) =>
    series.length === 1 && series[0]
      ? `${c}: ${value(series[0], i)}`
      : `${c}: ${series.map((s) => `${s.name} ${value(s, i)}`).join(', ')}`,
  );
  return `${parts.join('; ')}. The table after the chart gives the same figures.`;
}

function spec(chart: ChartData): vega.Spec {
  const values = chart.categories.flatMap((category, i) =>
    chart.series.map((s) => {
      const v = s.values[i];
      const hidden = s.hidden[i] ?? false;
      return {
        category,
        series: s.name,
        value: hidden || v === null || v === undefined ? 0 : v,
        label: hidden
          ? SUPPRESSED_TEXT
          : v === null || v === undefined
            ? '–'
            : v.toLocaleString('en-GB', {
                minimumFractionDigits: chart.decimals,
                maximumFractionDigits: chart.decimals,
              }),
      };
    }),
  );
  const barHeight = 18;
  const groupHeight = barHeight * chart.series.length + 8;
  const multi = chart.series.length > 1;
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: 420,
    height: Math.max(groupHeight * chart.categories.length, 40),
    padding: 8,
    autosize: 'pad',
    config: {
      text: { font: FONT },
      axis: { labelFont: FONT, titleFont: FONT, labelFontSize: 13, titleFontSize: 13, labelLimit: 0 },
      legend: { labelFont: FONT, titleFont: FONT, labelFontSize: 13, titleFontSize: 13, labelLimit: 0 },
    },
    data: [{ name: 'table', values }],
    scales: [
      { name: 'y', type: 'band', domain: { data: 'table', field: 'category' }, range: 'height', padding: 0.15 },
      {
        name: 'x',
        type: 'linear',
        // Every value hidden or nought: a domain of [0, 0] would draw one tick labelled "0.000000"; draw 0 to 1.
        domain: values.some((v) => v.value > 0) ? { data: 'table', field: 'value' } : [0, 1],
        range: 'width',
        nice: true,
        zero: true,
      },
      { name: 'colour', type: 'ordinal', domain: chart.series.map((s) => s.name), range: COLOURS },
    ],
    axes: [
      {
        orient: 'bottom',
        scale: 'x',
        title: chart.valueLabel,
        tickCount: 5,
        ...(chart.decimals === 0 ? { tickMinStep: 1, format: ',d' } : {}),
        aria: false,
      },
      { orient: 'left', scale: 'y', aria: false },
    ],
    legends: multi ? [{ fill: 'colour', orient: 'bottom', direction: 'vertical', aria: false }] : [],
    marks: [
      {
        type: 'group',
        aria: false,
        from: { facet: { data: 'table', name: 'facet', groupby: 'category' } },
        encode: { enter: { y: { scale: 'y', field: 'category' } } },
        signals: [{ name: 'height', update: "bandwidth('y')" }],
        scales: [{ name: 'pos', type: 'band', range: 'height', domain: { data: 'facet', field: 'series' } }],
        marks: [
          {
            name: 'bars',
            type: 'rect',
            aria: false,
            from: { data: 'facet' },
            encode: {
              enter: {
                y: { scale: 'pos', field: 'series' },
                height: { scale: 'pos', band: 1 },
                x: { scale: 'x', value: 0 },
                x2: { scale: 'x', field: 'value' },
                fill: { scale: 'colour', field: 'series' },
              },
            },
          },
          {
            type: 'text',
            aria: false,
            from: { data: 'bars' },
            encode: {
              enter: {
                x: { field: 'x2', offset: 4 },
                y: { field: 'y', offset: { field: 'height', mult: 0.5 } },
                baseline: { value: 'middle' },
                fill: { value: '#0b0c0c' },
                fontSize: { value: 13 },
                text: { field: 'datum.label' },
              },
            },
          },
        ],
      },
    ],
  };
}

const escapeXml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * Drawn charts kept by their data: Vega takes most of a dashboard's server time (parsing the spec and running
 * its dataflow for every chart), while the figures behind a chart change only when the records do. The key is
 * the whole chart (title, description, every value and hidden flag), so a changed figure is a new key and a
 * cached SVG is exactly what drawing it again would give; holding it reveals nothing its key does not. At most
 * CHART_CACHE_SIZE charts are kept, the least recently used dropped first.
 */
const CHART_CACHE_SIZE = 128;
const drawn = new Map<string, Promise<string>>();
let draws = 0;

/** How many charts are held, and how many Vega has drawn since the process started (for tests and metrics). */
export function chartCacheStats(): { held: number; draws: number } {
  return { held: drawn.size, draws };
}

/** The chart as an accessible SVG string, ready to be put in a page as it is (trusted markup). */
export function renderChart(chart: ChartData): Promise<string> {
  const key = JSON.stringify(chart);
  const held = drawn.get(key);
  if (held) {
    drawn.delete(key);
    drawn.set(key, held);
    return held;
  }
  const svg = draw(chart);
  drawn.set(key, svg);
  svg.catch(() => drawn.delete(key));
  while (drawn.size > CHART_CACHE_SIZE) {
    const oldest = drawn.keys().next().value;
    if (oldest === undefined) break;
    drawn.delete(oldest);
  }
  return svg;
}

async function draw(chart: ChartData): Promise<string> {
  draws += 1;
  const view = new vega.View(vega.parse(spec(chart)), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const titleId = `${chart.id}-title`;
    const descId = `${chart.id}-desc`;
    return svg.replace(/^<svg([^>]*)>/, (_match, attributes: string) => {
      const kept = attributes.replace(/\s(width|height)="[^"]*"/g, '').replace(/\sclass="[^"]*"/, '');
      return `<svg${kept} id="${escapeXml(chart.id)}" class="probity-chart" width="100%" role="img" aria-labelledby="${titleId} ${descId}" focusable="false"><title id="${titleId}">${escapeXml(chart.title)}</title><desc id="${descId}">${escapeXml(chart.description)}</desc>`;
    });
  } finally {
    view.finalize();
  }
}
