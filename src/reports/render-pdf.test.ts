// The tagged PDF rendering of a board report, read back with poppler's tools: its text in reading
// order, its structure tree (headings, tables with header cells, figures), its language and fonts.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { reportFixture, reportPdfFonts } from '../../test/helpers/report-document.ts';
import { reportPdf } from './render-pdf.ts';

const poppler = spawnSync('pdfinfo', ['-v']).error === undefined;
const skip = poppler ? false : 'pdfinfo and pdftotext (Debian package poppler-utils) are not installed: apt-get install -y poppler-utils';

let produced: Promise<Buffer> | undefined;
/** The fixture's PDF, made once for every test here. */
const fixturePdf = (): Promise<Buffer> => (produced ??= reportPdf(reportFixture(), reportPdfFonts()));

/** A poppler tool's output for the PDF given on its standard input ("-"). */
const run = (pdf: Buffer, cmd: string, ...args: string[]): string => execFileSync(cmd, [...args, '-'], { input: pdf, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

test('render report pdf gives a tagged PDF 1.7 with its title shown and fonts embedded', { skip }, async () => {
  const pdf = await fixturePdf();
  const info = run(pdf, 'pdfinfo');
  assert.match(info, /^Tagged:\s+yes$/m);
  assert.match(info, /^Title:\s+Quarterly executive summary$/m);
  assert.match(info, /^PDF version:\s+1\.7$/m);
  assert.match(info, /^Pages:\s+4$/m);
  const fonts = run(pdf, 'pdffonts').split('\n').slice(2).filter((l) => l.trim() !== '');
  assert.equal(fonts.length, 2);
  for (const font of fonts) assert.match(font, /DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
});

test('render report pdf gives its text in reading order with the cover first and page numbers', { skip }, async () => {
  const pdf = await fixturePdf();
  const text = run(pdf, 'pdftotext', '-');
  const order = [
    'Northshire County Council',
    'Quarterly executive summary',
    'As at 30 September 2026',
    'As reported to the Corporate Parenting Board on 6 November 2026',
    'Overall narrative',
    'Personal Education Plans (PEP)',
    'Achievements',
    'Actions by priority: status <at> 30/09',
    // A cell's text wraps within its column, so each is found by its first words.
    'Every child has a PEP',
    '<script>alert(1)</script>',
    '4 December',
    'Amber — 3.1',
    'Data dashboard',
    'Long-term stability by quarter',
    'Appendix: education work plan',
    'E70',
  ];
  const positions = order.map((s) => text.indexOf(s));
  assert.deepEqual(positions.map((p, i) => (p === -1 ? `missing: ${order[i]}` : 'found')), order.map(() => 'found'));
  assert.deepEqual([...positions].sort((a, b) => a - b), positions);
  assert.match(text, /Page 1 of 4/);
  assert.match(text, /Page 4 of 4/);
  assert.match(text, /Work plan: education task group \(continued\)/);
});

test('render report pdf gives a structure tree of headings, sections, lists, tables with header cells and a figure', { skip }, async () => {
  const pdf = await fixturePdf();
  const tree = run(pdf, 'pdfinfo', '-struct-text');
  assert.match(tree, /^ {2}H1 \(block\)\n {4}"Quarterly executive summary"$/m);
  assert.match(tree, /^ {4}H2 \(block\)\n {6}"Overall narrative"$/m);
  assert.match(tree, /^ {6}H3 \(block\)\n {8}"Achievements"$/m);
  assert.match(tree, /LI \(block\)\n\s+Lbl \(block\)\n\s+"•"\n\s+LBody \(block\)\n\s+"Three actions completed early"/);
  assert.equal(tree.match(/Table \(block\)/g)!.length, 3);
  assert.match(tree, /Caption\n\s+"Actions by priority: status <at> 30\/09"\n\s+THead\n\s+TR\n\s+TH:\n\s+\/Scope \/Column\n\s+"Action"/);
  assert.match(tree, /TD\n\s+"c"\n/);
  assert.match(tree, /TD\n\s+"Red"\n/);
  assert.match(tree, /Figure:\n\s+\/Placement \/Block\n\s+\/BBox/);
  // The header drawn again where the long table continues is decoration, not a second header row.
  assert.equal(tree.match(/"Ref"/g)!.length, 1);
  assert.equal(tree.match(/"E\d+"/g)!.length, 70);
});

test('render report pdf gives the figure its alternative text and the document its language', { skip }, async () => {
  // PDFKit writes object dictionaries uncompressed: the figure's /Alt and the catalogue's /Lang read as they are.
  const raw = (await fixturePdf()).toString('latin1');
  assert.match(raw, /\/S \/Figure[\s\S]{0,200}?\/Alt \(Long-term stability rose from 64\.2% in March to 67\.5% in September 2026\.\)|\/Alt \(Long-term stability rose from 64\.2% in March to 67\.5% in September 2026\.\)[\s\S]{0,200}?\/S \/Figure/);
  assert.match(raw, /\/Lang \(en-GB\)/);
  assert.match(raw, /\/DisplayDocTitle true/);
});
