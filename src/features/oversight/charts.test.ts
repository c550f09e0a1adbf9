import { describe, expect, it } from 'vitest';
import { chartCacheStats, chartFromTable, renderChart } from './charts.ts';
import { discloseTable, type TableSpec } from './disclosure-control.ts';

const spec: TableSpec = {
  id: 'by-type',
  caption: 'Cases by type',
  rowHeader: 'Type',
  columns: [
    { key: 'a', label: 'Finalised', kind: 'count' },
    { key: 'days', label: 'Average days', kind: 'measure', decimals: 1, dependsOn: [{ column: 'a' }] },
  ],
  rows: [
    { key: 'x', label: 'Conduct matter', values: { a: 12, days: 140.25 } },
    { key: 'y', label: 'Recordable conduct matter', values: { a: 3, days: 90 } },
    { key: 'z', label: 'Complaint & special', values: { a: 7, days: 201 } },
  ],
  columnTotals: { label: 'All', measures: { days: 150 } },
  personal: true,
};

describe('server-side charts', () => {
  it('draws an accessible SVG from the disclosed table, with hidden values as "[c]" and no bar', async () => {
    const table = discloseTable(spec, { threshold: 5, unsuppressed: false });
    const chart = chartFromTable(table, ['days'], {
      title: 'Average days to finalise',
      valueLabel: 'Days',
      decimals: 1,
    });
    expect(chart.description).toBe(
      'Conduct matter: 140.3; Recordable conduct matter: [c] (not shown); Complaint & special: [c] (not shown). The table after the chart gives the same figures.',
    );
    const svg = await renderChart(chart);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="chart-by-type-title chart-by-type-desc"');
    expect(svg).toContain('<title id="chart-by-type-title">Average days to finalise</title>');
    expect(svg).toContain('Complaint &amp; special');
    expect(svg).toContain('>140.3</text>');
    expect(svg.match(/>\[c\]<\/text>/g)?.length).toBe(2);
    // Nothing the CSP would refuse, nothing that needs JavaScript.
    expect(svg).not.toMatch(/style=|<style|<script|on[a-z]+=/i);
    expect(svg).toContain('viewBox=');
  });

  it('draws PSD the real values and a legend for several series', async () => {
    const table = discloseTable(spec, { threshold: 5, unsuppressed: true });
    const chart = chartFromTable(table, ['a', 'days'], { id: 'both', title: 'Both', valueLabel: 'Number' });
    expect(chart.series.map((s) => s.values)).toEqual([
      [12, 3, 7],
      [140.25, 90, 201],
    ]);
    const svg = await renderChart(chart);
    expect(svg).toContain('>Finalised</text>');
    expect(svg).toContain('>Average days</text>');
    expect(svg).not.toContain('[c]');
  });

  it('draws a plain whole-number axis, not "0.000000", when every value is hidden', async () => {
    const table = discloseTable(
      { ...spec, rows: spec.rows.map((r) => ({ ...r, values: { a: 2, days: 10 } })) },
      { threshold: 5, unsuppressed: false },
    );
    const chart = chartFromTable(table, ['a'], { title: 'Finalised', valueLabel: 'Cases' });
    expect(chart.series[0]?.hidden).toEqual([true, true, true]);
    const svg = await renderChart(chart);
    expect(svg).not.toMatch(/0\.0+</);
    const ticks = [...svg.matchAll(/>(\d[\d.,]*)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toContain('0');
    expect(ticks).toContain('1');
    expect(ticks.every((tick) => /^\d+$/.test(tick ?? ''))).toBe(true);
  });

  it('draws a chart once and gives the same SVG again, and a changed figure is drawn afresh', async () => {
    const table = discloseTable(spec, { threshold: 5, unsuppressed: true });
    const chart = chartFromTable(table, ['a'], { id: 'cached', title: 'Cached', valueLabel: 'Cases' });
    const first = await renderChart(chart);
    const before = chartCacheStats().draws;
    const [again, twice] = await Promise.all([renderChart({ ...chart }), renderChart(structuredClone(chart))]);
    expect(again).toBe(first);
    expect(twice).toBe(first);
    expect(chartCacheStats().draws).toBe(before);

    const changed = structuredClone(chart);
    changed.series[0]!.values[0] = 13;
    const redrawn = await renderChart(changed);
    expect(chartCacheStats().draws).toBe(before + 1);
    // The bar's own label (the axis has ticks of its own).
    expect(redrawn).toContain('fill="#0b0c0c">13</text>');
    expect(first).toContain('fill="#0b0c0c">12</text>');
    expect(redrawn).not.toContain('fill="#0b0c0c">12</text>');
  });

  it('keeps at most 128 charts, dropping the least recently used', async () => {
    const table = discloseTable(spec, { threshold: 5, unsuppressed: true });
    const base = chartFromTable(table, ['a'], { id: 'many', title: 'Many', valueLabel: 'Cases' });
    for (let i = 0; i < 130; i++) await renderChart({ ...base, title: `Many ${i}` });
    expect(chartCacheStats().held).toBe(128);
    const before = chartCacheStats().draws;
    await renderChart({ ...base, title: 'Many 129' });
    expect(chartCacheStats().draws).toBe(before);
    await renderChart({ ...base, title: 'Many 0' });
    expect(chartCacheStats().draws).toBe(before + 1);
  });
});
