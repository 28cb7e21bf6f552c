// The chart module: SVG with an accessible name and description, target and benchmark lines drawn, and the same chart as a PNG.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'node-html-parser';
import { renderPng, renderSvg, sparklineSpec, trendSpec } from './charts.ts';

const points = [
  { periodEnd: '2017-12-31', value: 64.2 },
  { periodEnd: '2018-01-31', value: 66.1 },
  { periodEnd: '2018-02-28', value: null },
  { periodEnd: '2018-03-31', value: 67.5 },
];

test('render trend chart gives SVG with its name, description and no per-mark roles', async () => {
  const svg = await renderSvg(trendSpec({ title: 'Long-term stability', description: 'Rose from 64.2% to 67.5%.', unit: 'percent', points, lines: [{ label: 'England 2018', value: 70 }] }), 'Long-term stability, monthly');
  const root = parse(svg).querySelector('svg')!;
  assert.equal(root.getAttribute('role'), 'img');
  assert.equal(root.getAttribute('aria-label'), 'Long-term stability, monthly');
  assert.equal(root.querySelector('title')!.text, 'Long-term stability, monthly');
  assert.equal(root.querySelector('desc')!.text, 'Rose from 64.2% to 67.5%.');
  assert.equal(parse(svg).querySelectorAll('[role]').length, 1);
  assert.match(svg, /England 2018/);
});

test('render trend chart without benchmarks draws the line and the target step', async () => {
  const svg = await renderSvg(
    trendSpec({ title: 'T', description: 'D', unit: 'percent', points, targets: [{ periodEnd: '2017-12-31', value: 64 }, { periodEnd: '2018-03-31', value: 67 }] }),
    'T',
  );
  // The figures' line with a marker for each of the three figures, and the target's dashed line.
  assert.ok(parse(svg).querySelectorAll('path').length >= 5, svg.slice(0, 400));
  assert.match(svg, /stroke-dasharray="8,4"/);
  assert.doesNotMatch(svg, /England/);
});

test('render sparkline escapes its name', async () => {
  const svg = await renderSvg(sparklineSpec({ title: 'x', description: 'a < b & c', points }), 'Missing "away" <incidents>');
  assert.match(svg, /aria-label="Missing &quot;away&quot; &lt;incidents&gt;"/);
  assert.match(svg, /<desc>a &lt; b &amp; c<\/desc>/);
});

test('render PNG gives a PNG image of the chart', async () => {
  const png = await renderPng(trendSpec({ title: 'T', description: 'D', unit: 'percent', points }), 'T', 1);
  assert.deepEqual([...png.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Width from the IHDR chunk: the chart is several hundred pixels wide.
  const width = new DataView(png.buffer, png.byteOffset).getUint32(16);
  assert.ok(width > 600 && width < 800, String(width));
});
