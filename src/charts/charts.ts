// Charts for pages and documents: Vega-Lite specifications compiled by Vega to SVG on the server (no
// browser), and the same drawing as PNG through resvg for documents. Every chart carries a name and a
// description for screen readers, and shapes and dashes beside colour so it reads in greyscale.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { LRUCache } from 'lru-cache';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface TrendPoint {
  /** The period's last day, yyyy-mm-dd. */
  periodEnd: string;
  /** Null for a period with no figure to show (missing or suppressed). */
  value: number | null;
  /** The figure carries a note (it may mislead: too little history behind it …): drawn as an open circle. */
  noted?: boolean;
}

export interface ReferenceLine {
  /** What the line is, as the legend and the table say it: "Target", "England 2017". */
  label: string;
  value: number;
}

export interface TrendChart {
  /** The chart's accessible name. */
  title: string;
  /** What it shows, in a sentence or two, for people who cannot see it. */
  description: string;
  unit: string;
  points: readonly TrendPoint[];
  /** Horizontal lines: the target, benchmarks. */
  lines?: readonly ReferenceLine[];
  /** Target values over time (a step line), when the target changed within the chart. */
  targets?: readonly TrendPoint[];
  width?: number;
  height?: number;
}

const FONT = 'Arial, Helvetica, sans-serif';
/** The legend's words for a figure that carries a note. */
const NOTED = 'Figure with a note (see the caption)';
// Dark enough on white for the 3:1 contrast that graphics need; telling series apart never rests on it alone.
const INK = '#0b0c0c';
const TARGET = '#1d70b8';
const BENCH = '#505a5f';

const config = {
  font: FONT,
  background: 'white',
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: INK, titleColor: INK, domainColor: INK, tickColor: INK, gridColor: '#dddddd' },
  // One entry a line, never cut short (Vega's default labelLimit, 160 px, cut "Statistical neighbours (mean) 2024/25").
  legend: { labelFontSize: 12, titleFontSize: 12, labelColor: INK, titleColor: INK, orient: 'bottom', columns: 1, symbolStrokeWidth: 2, labelLimit: 0 },
  view: { stroke: null },
};

/** The Vega-Lite specification of a figure over time with its target and benchmark lines. */
export function trendSpec(chart: TrendChart): TopLevelSpec {
  const anyNoted = chart.points.some((p) => p.noted === true && p.value !== null);
  const series = chart.points.map((p) => ({ date: p.periodEnd, value: p.value, series: 'This authority', kind: p.noted === true ? NOTED : 'Figure' }));
  const lines = (chart.lines ?? []).map((l) => ({ label: l.label, value: l.value }));
  const targets = (chart.targets ?? []).filter((t) => t.value !== null).map((t) => ({ date: t.periodEnd, value: t.value, series: 'Target' }));
  const layers: unknown[] = [
    {
      data: { values: series },
      mark: { type: 'line', color: INK, strokeWidth: 2 },
      encoding: {
        x: { field: 'date', type: 'temporal', title: null, axis: { format: '%b %Y', labelAngle: 0, tickCount: 6 } },
        y: { field: 'value', type: 'quantitative', title: chart.unit, scale: { zero: false } },
      },
    },
    {
      data: { values: series.filter((p) => p.value !== null) },
      mark: { type: 'point', shape: 'circle', size: 30, stroke: INK, strokeWidth: 1.5, opacity: 1 },
      encoding: {
        x: { field: 'date', type: 'temporal' },
        y: { field: 'value', type: 'quantitative' },
        // A figure with a note is an open circle, named in the legend; without any, every point is filled and no legend is drawn.
        fill: anyNoted ? { field: 'kind', type: 'nominal', title: null, scale: { domain: ['Figure', NOTED], range: [INK, 'white'] } } : { value: INK },
      },
    },
  ];
  if (targets.length > 0) {
    layers.push({
      data: { values: targets },
      mark: { type: 'line', interpolate: 'step-after', color: TARGET, strokeDash: [8, 4], strokeWidth: 2 },
      encoding: { x: { field: 'date', type: 'temporal' }, y: { field: 'value', type: 'quantitative' } },
    });
  }
  if (lines.length > 0) {
    layers.push({
      data: { values: lines },
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: {
        y: { field: 'value', type: 'quantitative' },
        color: { field: 'label', type: 'nominal', title: null, scale: { range: [BENCH, TARGET, '#6f777b', '#4c2c92', '#28a197'] } },
        strokeDash: { field: 'label', type: 'nominal', title: null, scale: { range: [[2, 2], [6, 3], [1, 3], [10, 2, 2, 2], [4, 4]] } },
      },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: chart.title, anchor: 'start', fontSize: 14, font: FONT, color: INK },
    description: chart.description,
    width: chart.width ?? 640,
    height: chart.height ?? 240,
    config,
    layer: layers,
    resolve: { scale: { color: 'independent', strokeDash: 'independent', fill: 'independent' } },
  } as TopLevelSpec;
}

/** A small line without axes for a dashboard tile; the last point marked. */
export function sparklineSpec(chart: Pick<TrendChart, 'title' | 'description' | 'points'> & { width?: number; height?: number }): TopLevelSpec {
  const values = chart.points.map((p) => ({ date: p.periodEnd, value: p.value }));
  const last = values.filter((v) => v.value !== null).slice(-1);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: chart.description,
    width: chart.width ?? 160,
    height: chart.height ?? 36,
    padding: 2,
    config: { ...config, axis: { ...config.axis, grid: false } },
    layer: [
      {
        data: { values },
        mark: { type: 'line', color: INK, strokeWidth: 1.5 },
        encoding: {
          x: { field: 'date', type: 'temporal', axis: null },
          y: { field: 'value', type: 'quantitative', axis: null, scale: { zero: false } },
        },
      },
      {
        data: { values: last },
        mark: { type: 'point', shape: 'circle', filled: true, size: 30, color: INK },
        encoding: { x: { field: 'date', type: 'temporal', axis: null }, y: { field: 'value', type: 'quantitative', axis: null } },
      },
    ],
  } as TopLevelSpec;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Drawing is a pure function of the specification and the name, and Vega takes milliseconds per
// chart: a dashboard of 40 sparklines is drawn once per change of its figures, not per request.
const drawn = new LRUCache<string, string>({ maxSize: 16 * 1024 * 1024, sizeCalculation: (svg, key) => (svg.length + key.length) * 2 });

/**
 * The chart as SVG text, with role="img", an accessible name (aria-label and <title>) and a
 * description (<desc>), ready to put in a page as it is.
 */
export async function renderSvg(spec: TopLevelSpec, name: string): Promise<string> {
  const key = `${name}\u0000${JSON.stringify(spec)}`;
  const known = drawn.get(key);
  if (known !== undefined) return known;
  const svg = await draw(spec, name);
  drawn.set(key, svg);
  return svg;
}

async function draw(spec: TopLevelSpec, name: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const description = typeof spec.description === 'string' ? spec.description : '';
  // Vega marks the drawing as a graphics document with its own labels on every mark; one name and
  // description for the whole is what a screen reader should announce, so the parts are hidden.
  return svg
    .replace(/ (?:role|aria-roledescription|aria-label|aria-hidden)="[^"]*"/g, '')
    .replace(
      /^<svg /,
      `<svg role="img" aria-label="${escapeXml(name)}" focusable="false" `,
    )
    .replace(/^(<svg[^>]*>)/, `$1<title>${escapeXml(name)}</title><desc>${escapeXml(description)}</desc>`);
}

// The PNG's text in DejaVu Sans from its npm package, the reports' PDF font: the same drawing on any
// server, and two files to read per drawing instead of a search through every font the system has
// (which cost more than drawing a chart).
const require = createRequire(import.meta.url);
const PNG_FONTS = ['dejavu-fonts-ttf/ttf/DejaVuSans.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'].map((f) => require.resolve(f));

/** The same chart as a PNG image (for Word and PDF documents), at `scale` times its size. */
export async function renderPng(spec: TopLevelSpec, name: string, scale = 2): Promise<Uint8Array> {
  const svg = await renderSvg(spec, name);
  const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font: { loadSystemFonts: false, fontFiles: PNG_FONTS, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  return new Uint8Array(png);
}
