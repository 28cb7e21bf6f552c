// A hand-made board report holding every kind of block and cell the renderers must handle: a cover
// marked draft, two levels of sections, a table with each cell kind (a suppressed "c" among the
// numbers), a figure with its table, and a table long enough to cross pages.
import type { ReportDocument, Table, TableCell } from '../../src/reports/model.ts';
import { paragraph, section, text } from '../../src/reports/model.ts';

const num = (value: number, shown: string): TableCell => ({ kind: 'number', value, text: shown });

export const suppressed: TableCell = { kind: 'text', text: 'c' };

export const everyCellTable: Table = {
  kind: 'table',
  caption: 'Actions by priority: status <at> 30/09',
  columns: [
    { header: 'Action', width: 3 },
    { header: 'Children', align: 'right' },
    { header: 'Due', width: 2 },
    { header: 'RAG', width: 2 },
    { header: 'Progress updates', width: 3 },
  ],
  rows: [
    [text('Every child has a PEP <script>alert(1)</script>'), num(1204, '1,204'), { kind: 'date', date: '2026-12-04' }, { kind: 'rating', rating: 'R', text: 'Red' }, { kind: 'lines', lines: ['1 October 2026: review started', '2 November 2026: half done'] }],
    [text('Care leavers in suitable accommodation'), suppressed, { kind: 'date', date: '2027-03-31' }, { kind: 'rating', rating: 'A', text: 'Amber — 3.1 points below target' }, { kind: 'lines', lines: ['On track'] }],
    [text('=HYPERLINK("http://bad")'), num(67.5, '67.5%'), { kind: 'date', date: '2026-06-30' }, { kind: 'rating', rating: 'G', text: 'Green' }, { kind: 'lines', lines: [] }],
    [text('Virtual school head appointed'), num(-2, '-2'), { kind: 'date', date: '2026-01-15' }, { kind: 'rating', rating: 'B', text: '' }, { kind: 'lines', lines: ['Complete'] }],
  ],
};

const trendTable: Table = {
  kind: 'table',
  caption: 'Long-term stability by quarter',
  columns: [{ header: 'Quarter ending' }, { header: 'Percent', align: 'right' }],
  rows: [
    [{ kind: 'date', date: '2026-03-31' }, num(64.2, '64.2%')],
    [{ kind: 'date', date: '2026-06-30' }, num(66.1, '66.1%')],
    [{ kind: 'date', date: '2026-09-30' }, num(67.5, '67.5%')],
  ],
};

export const longTable: Table = {
  kind: 'table',
  caption: 'Work plan: education task group',
  columns: [{ header: 'Ref' }, { header: 'Action', width: 4 }, { header: 'Owner', width: 2 }],
  rows: Array.from({ length: 70 }, (_, i) => [text(`E${i + 1}`), text(`Education action number ${i + 1}, reviewed at each board`), text('Head of the virtual school')]),
};

export const reportFixture = (): ReportDocument => ({
  language: 'en-GB',
  cover: {
    title: 'Quarterly executive summary',
    authority: 'Northshire County Council',
    asAt: 'As at 30 September 2026',
    reported: 'As reported to the Corporate Parenting Board on 6 November 2026',
    draft: true,
  },
  sections: [
    section('Overall narrative', [
      paragraph('Stability improved this quarter; ', { text: 'Personal Education Plans (PEP)', strong: true }, ' are behind & need attention.'),
      { kind: 'list', items: [['Three actions completed early'], ['Two deadlines revised']] },
      section('Achievements', [paragraph('Actions completed or turned green.'), everyCellTable]),
    ]),
    section('Data dashboard', [
      paragraph('Figures as at the end of the quarter.'),
      {
        kind: 'figure',
        alt: 'Long-term stability rose from 64.2% in March to 67.5% in September 2026.',
        chart: {
          title: 'Long-term stability',
          description: 'Rose from 64.2% to 67.5% over three quarters.',
          unit: 'percent',
          points: [
            { periodEnd: '2026-03-31', value: 64.2 },
            { periodEnd: '2026-06-30', value: 66.1 },
            { periodEnd: '2026-09-30', value: 67.5 },
          ],
          lines: [{ label: 'England 2025', value: 70 }],
        },
        table: trendTable,
      },
    ], true),
    section('Appendix: education work plan', [longTable], true),
  ],
});

/** The fonts Parentis embeds in a report PDF, as the running service hands them to the renderer. */
export { reportPdfFonts } from '../../src/services/report-fonts.ts';
