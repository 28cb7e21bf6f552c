// The HTML rendering of a board report: parsed back and read as a browser and a screen reader would.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'node-html-parser';
import { reportFixture } from '../../test/helpers/report-document.ts';
import { reportHtml, reportHtmlDocument, reportPrintCss } from './render-html.ts';

test('render report html gives the cover title as h1 and sections as h2 and h3 by nesting', async () => {
  const root = parse(await reportHtml(reportFixture()));
  assert.deepEqual(root.querySelectorAll('h1').map((h) => h.text), ['Quarterly executive summary']);
  assert.deepEqual(root.querySelectorAll('h2').map((h) => h.text), ['Overall narrative', 'Data dashboard', 'Appendix: education work plan']);
  assert.deepEqual(root.querySelectorAll('h3').map((h) => h.text), ['Achievements']);
  assert.match(root.querySelector('header')!.text, /Northshire County Council[\s\S]*As at 30 September 2026[\s\S]*Corporate Parenting Board on 6 November 2026/);
  assert.match(root.querySelector('header .govuk-tag')!.text, /Draft/);
});

test('render report html gives tables with captions and column headers with scope', async () => {
  const root = parse(await reportHtml(reportFixture()));
  const tables = root.querySelectorAll('table');
  assert.deepEqual(tables.map((t) => t.querySelector('caption')!.text), [
    'Actions by priority: status <at> 30/09',
    'Long-term stability by quarter',
    'Work plan: education task group',
  ]);
  const headers = tables[0]!.querySelectorAll('thead th');
  assert.deepEqual(headers.map((h) => h.text), ['Action', 'Children', 'Due', 'RAG', 'Progress updates']);
  assert.deepEqual([...new Set(root.querySelectorAll('th').map((h) => h.getAttribute('scope')))], ['col']);
  assert.equal(tables[2]!.querySelectorAll('tbody tr').length, 70);
});

test('render report html gives rating cells as tags with the word and the suppressed figure as c', async () => {
  const root = parse(await reportHtml(reportFixture()));
  const rows = root.querySelectorAll('table')[0]!.querySelectorAll('tbody tr');
  const tag = (r: number) => rows[r]!.querySelectorAll('td')[3]!.querySelector('strong.govuk-tag')!;
  assert.equal(tag(0).text, 'Red');
  assert.ok(tag(0).classList.contains('govuk-tag--red'));
  assert.equal(tag(1).text, 'Amber — 3.1 points below target');
  assert.ok(tag(1).classList.contains('govuk-tag--orange'));
  assert.equal(tag(3).text, 'Blue', 'a rating without its own text still carries its word');
  assert.equal(rows[1]!.querySelectorAll('td')[1]!.text, 'c');
  assert.equal(rows[0]!.querySelectorAll('td')[2]!.text, '4 December 2026');
  assert.equal(rows[0]!.querySelector('time')!.getAttribute('datetime'), '2026-12-04');
  assert.equal(rows[0]!.querySelectorAll('td')[4]!.innerHTML, '1 October 2026: review started<br>2 November 2026: half done');
});

test('render report html escapes text so no markup from a plan reaches the page', async () => {
  const html = await reportHtml(reportFixture());
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /Every child has a PEP &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /status &lt;at&gt; 30\/09/);
  assert.match(html, /are behind &amp; need attention/);
  assert.equal(parse(html).querySelectorAll('script').length, 0);
});

test('render report html gives the chart as an svg named by its title and described by its alt text, then its table', async () => {
  const root = parse(await reportHtml(reportFixture()));
  const figure = root.querySelector('figure')!;
  const svg = figure.querySelector('svg')!;
  assert.equal(svg.getAttribute('role'), 'img');
  assert.equal(svg.getAttribute('aria-label'), 'Long-term stability');
  assert.equal(svg.querySelector('desc')!.text, 'Long-term stability rose from 64.2% in March to 67.5% in September 2026.');
  assert.equal(figure.nextElementSibling!.querySelector('caption')!.text, 'Long-term stability by quarter');
});

test('render report html marks page-breaking sections and the print rules repeat table headers', async () => {
  const root = parse(await reportHtml(reportFixture()));
  const breaking = root.querySelectorAll('section.app-report__section--page-break').map((s) => s.querySelector('h2')!.text);
  assert.deepEqual(breaking, ['Data dashboard', 'Appendix: education work plan']);
  assert.match(reportPrintCss, /\.app-report__section--page-break \{ break-before: page;/);
  assert.match(reportPrintCss, /thead \{ display: table-header-group; \}/);
  assert.match(reportPrintCss, /\.govuk-header[^{]*nav[^{]*\{ display: none/);
});

test('render report html document gives a whole page with its language, title and print rules', async () => {
  const html = await reportHtmlDocument(reportFixture());
  const root = parse(html);
  assert.match(html, /^<!DOCTYPE html>/);
  assert.equal(root.querySelector('html')!.getAttribute('lang'), 'en-GB');
  assert.equal(root.querySelector('title')!.text, 'Quarterly executive summary — Northshire County Council');
  assert.match(root.querySelector('style')!.text, /display: table-header-group/);
  assert.equal(root.querySelectorAll('main h1').length, 1);
});
