// A board report as HTML: the body of a page (the site's layout wraps it) with GOV.UK classes, and a
// standalone document for download; both print well (page breaks before sections, repeated headers).
import { renderSvg } from '../charts/charts.ts';
import type { Block, Figure, Inline, ReportDocument, Section, Table, TableCell } from './model.ts';
import { coverLines, figureSpec, headingLevel, ratingStyle, ratingText, showDate } from './render-common.ts';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The print rules for a report page: the site's header, footer and navigation left out, each section
 * marked to start a page doing so, and a table's header row printed again on every page it crosses.
 */
export const reportPrintCss = `@media print {
  .govuk-header, .govuk-footer, .govuk-service-navigation, .govuk-breadcrumbs, .govuk-back-link, .govuk-phase-banner, .govuk-skip-link, nav, .app-no-print { display: none !important; }
  .app-report__section--page-break { break-before: page; page-break-before: always; }
  .app-report thead { display: table-header-group; }
  .app-report tr, .app-report figure { break-inside: avoid; page-break-inside: avoid; }
  .app-report h2, .app-report h3, .app-report h4, .app-report caption { break-after: avoid; page-break-after: avoid; }
  .app-report .govuk-tag { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .app-report svg { max-width: 100%; height: auto; }
}`;

// For the downloaded file, which has no GOV.UK stylesheet: enough to read and print it well.
const standaloneCss = `body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
caption { text-align: left; font-weight: bold; font-size: 1.1em; margin-bottom: 0.5em; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.4em 0.6em 0.4em 0; text-align: left; vertical-align: top; }
.govuk-table__header--numeric, .govuk-table__cell--numeric { text-align: right; }
.govuk-tag { display: inline-block; padding: 0.1em 0.4em; font-weight: bold; }
${(['B', 'R', 'A', 'G'] as const).map((r) => `.govuk-tag--${ratingStyle(r).tag} { background: #${ratingStyle(r).fill}; color: #${ratingStyle(r).ink}; }`).join('\n')}
.govuk-tag--yellow { background: #fff7bf; color: #594d00; }
figure { margin: 0 0 1em; }
svg { max-width: 100%; height: auto; }
${reportPrintCss}`;

/** The report as the content of a page: an <article> starting with the cover's h1. */
export async function reportHtml(doc: ReportDocument): Promise<string> {
  const ids = new Map<string, number>();
  const sections = await Promise.all(doc.sections.map((s) => sectionHtml(s, 1, ids)));
  return `<article class="app-report" lang="${escapeHtml(doc.language)}">\n${coverHtml(doc)}\n${sections.join('\n')}\n</article>`;
}

/** The report as a whole HTML document, with its language and title, to download and print. */
export async function reportHtmlDocument(doc: ReportDocument): Promise<string> {
  const title = `${doc.cover.title} — ${doc.cover.authority}`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(doc.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${standaloneCss}
</style>
</head>
<body>
<main>
${await reportHtml(doc)}
</main>
</body>
</html>
`;
}

function coverHtml(doc: ReportDocument): string {
  const [authority, ...rest] = coverLines(doc);
  const draft = doc.cover.draft ? '<p><strong class="govuk-tag govuk-tag--yellow">Draft</strong></p>\n' : '';
  return `<header class="app-report__cover">
<p class="govuk-caption-l">${escapeHtml(authority ?? '')}</p>
<h1 class="govuk-heading-xl">${escapeHtml(doc.cover.title)}</h1>
${draft}${rest.map((l) => `<p class="govuk-body-l">${escapeHtml(l)}</p>`).join('\n')}
</header>`;
}

async function sectionHtml(section: Section, depth: number, ids: Map<string, number>): Promise<string> {
  const level = headingLevel(depth);
  const id = uniqueId(section.heading, ids);
  const size = level === 2 ? 'l' : level === 3 ? 'm' : 's';
  const classes = `app-report__section${section.pageBreakBefore === true ? ' app-report__section--page-break' : ''}`;
  const blocks = await Promise.all(section.blocks.map((b) => blockHtml(b, depth, ids)));
  return `<section class="${classes}" aria-labelledby="${id}">
<h${level} class="govuk-heading-${size}" id="${id}">${escapeHtml(section.heading)}</h${level}>
${blocks.join('\n')}
</section>`;
}

async function blockHtml(block: Block, depth: number, ids: Map<string, number>): Promise<string> {
  switch (block.kind) {
    case 'paragraph':
      return `<p class="govuk-body">${inlineHtml(block.content)}</p>`;
    case 'list':
      return `<ul class="govuk-list govuk-list--bullet">\n${block.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return tableHtml(block);
    case 'figure':
      return figureHtml(block);
    case 'section':
      return sectionHtml(block, depth + 1, ids);
  }
}

const inlineHtml = (content: readonly Inline[]): string =>
  content.map((c) => (typeof c === 'string' ? escapeHtml(c) : c.strong === true ? `<strong>${escapeHtml(c.text)}</strong>` : escapeHtml(c.text))).join('');

function tableHtml(table: Table): string {
  const numeric = (i: number): boolean => table.columns[i]?.align === 'right';
  const head = table.columns
    .map((c, i) => `<th scope="col" class="govuk-table__header${numeric(i) ? ' govuk-table__header--numeric' : ''}">${escapeHtml(c.header)}</th>`)
    .join('');
  const rows = table.rows.map((r) => `<tr class="govuk-table__row">${r.map((c, i) => cellHtml(c, numeric(i))).join('')}</tr>`);
  return `<table class="govuk-table">
<caption class="govuk-table__caption govuk-table__caption--m">${escapeHtml(table.caption)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">${head}</tr></thead>
<tbody class="govuk-table__body">
${rows.join('\n')}
</tbody>
</table>`;
}

function cellHtml(cell: TableCell, numeric: boolean): string {
  const open = `<td class="govuk-table__cell${numeric || cell.kind === 'number' ? ' govuk-table__cell--numeric' : ''}">`;
  switch (cell.kind) {
    case 'text':
    case 'number':
      return `${open}${escapeHtml(cell.text)}</td>`;
    case 'date':
      return `${open}<time datetime="${escapeHtml(cell.date)}">${escapeHtml(showDate(cell.date))}</time></td>`;
    case 'rating':
      return cell.rating === null
        ? `${open}${escapeHtml(ratingText(cell))}</td>`
        : `${open}<strong class="govuk-tag govuk-tag--${ratingStyle(cell.rating).tag}">${escapeHtml(ratingText(cell))}</strong></td>`;
    case 'lines':
      return `${open}${cell.lines.map(escapeHtml).join('<br>')}</td>`;
  }
}

async function figureHtml(figure: Figure): Promise<string> {
  // The table after the drawing holds every figure in it.
  const svg = await renderSvg(figureSpec(figure), figure.chart.title);
  return `<figure class="app-report__figure">
${svg}
</figure>
${tableHtml(figure.table)}`;
}

function uniqueId(heading: string, ids: Map<string, number>): string {
  const base = `report-${heading.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section'}`;
  const n = (ids.get(base) ?? 0) + 1;
  ids.set(base, n);
  return n === 1 ? base : `${base}-${n}`;
}
