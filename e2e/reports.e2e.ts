// The board reports as the demonstration's partnership manager gets them: the Reports page passes
// axe, and the newest snapshot's executive summary, annual report and scrutiny pack, downloaded
// through the page's links as Word, PDF and spreadsheet, each open and carry the demonstration's
// words and figures, the PDF tagged.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { visit, signIn } from './pages/site.page.ts';
import { useParentis } from './support/suite.ts';

const suite = useParentis('reports');

const REPORTS = [
  // The overall narrative the manager wrote for the quarter before closing its round.
  { kind: 'exec-summary', title: 'Quarterly executive summary', says: /the first to report on Programme 6/ },
  // The annual report's own summary, written for the round whose snapshot goes to full council.
  { kind: 'annual', title: 'Annual board report', says: /This report tells full council what the Board did in/ },
  // A measure an inspection action aims to move, with its figure before and after.
  { kind: 'scrutiny', title: 'Scrutiny progress pack', says: /Children looked after with 3 or more placements during the year/ },
] as const;

const poppler = spawnSync('pdfinfo', ['-v']).error === undefined;

/** The newest snapshot listed on the Reports page. */
let newest = 0;

/** Follows the page's download link for a report's file and gives the file's bytes and suggested name. */
async function download(kind: string, format: string): Promise<{ bytes: Buffer; name: string }> {
  const page = suite.browser.page;
  const link = page.locator(`a[href="/reports/${newest}/${kind}.${format}"]`);
  assert.equal(await link.count(), 1, `one link to /reports/${newest}/${kind}.${format}`);
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const where = await file.path();
  return { bytes: fs.readFileSync(where), name: file.suggestedFilename() };
}

/** The text of the .docx's paragraphs styled as the given heading. */
function headings(document: string, styleId: string): string[] {
  return [...document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="([^"]+)"\/>[\s\S]*?<\/w:p>/g)]
    .filter((m) => m[1] === styleId)
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

const xmlText = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((t) => t[1])
    .join(' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'");

test('visit reports as the demonstration manager lists the closed snapshots with every report to download and passes axe', async () => {
  await signIn(suite.browser.page, suite.server.users.manager);
  assert.equal(await visit(suite.browser.page, '/reports'), 200);
  await suite.checker.check(suite.browser, 'reports');
  const numbers = (await suite.browser.page.locator('h2').allInnerTexts()).flatMap((h) => /^Snapshot (\d+):/.exec(h.trim())?.[1] ?? []).map(Number);
  assert.deepEqual([...numbers].sort((a, b) => a - b), [1, 2, 3, 4], 'the demonstration closes four rounds into snapshots');
  newest = Math.max(...numbers);
});

for (const r of REPORTS) {
  test(`download ${r.kind} of the newest snapshot as Word opens with its title as the first heading and the demonstration's words`, async () => {
    assert.ok(newest > 0, 'the Reports page was visited first');
    const { bytes, name } = await download(r.kind, 'docx');
    assert.match(name, /\.docx$/);
    const zip = await JSZip.loadAsync(bytes);
    const document = await zip.file('word/document.xml')!.async('string');
    assert.deepEqual(headings(document, 'Heading1'), [r.title]);
    const words = xmlText(document);
    assert.match(words, /Westmere County Council/);
    assert.match(words, r.says);
  });

  test(`download ${r.kind} of the newest snapshot as PDF gives a tagged PDF`, async (t) => {
    const { bytes, name } = await download(r.kind, 'pdf');
    assert.match(name, /\.pdf$/);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    if (!poppler) return t.skip('pdfinfo (Debian package poppler-utils) is not installed: apt-get install -y poppler-utils');
    const info = execFileSync('pdfinfo', ['-'], { input: bytes, encoding: 'utf8' });
    assert.match(info, /^Tagged:\s+yes$/m);
    assert.match(info, new RegExp(`^Title:\\s+${r.title}$`, 'm'));
    const text = execFileSync('pdftotext', ['-', '-'], { input: bytes, encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(text, r.says);
  });

  test(`download ${r.kind} of the newest snapshot as a spreadsheet reads back with its contents sheet`, async () => {
    const { bytes, name } = await download(r.kind, 'xlsx');
    assert.match(name, /\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    assert.equal(wb.worksheets[0]!.name, 'Contents');
    const contents = (wb.worksheets[0]!.getColumn(1).values as unknown[]).map((v) => (typeof v === 'object' && v !== null && 'text' in v ? (v as { text: string }).text : v));
    assert.ok(contents.includes(r.title), `${r.title} on the contents sheet`);
    assert.ok(contents.includes('Westmere County Council'), 'the authority on the contents sheet');
    assert.ok(wb.worksheets.length > 1, 'a sheet for each table');
  });
}

test('download scrutiny of the newest snapshot as a spreadsheet gives the placement measures before and after as numbers', async () => {
  const { bytes } = await download('scrutiny', 'xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = wb.worksheets.find((w) => /^Measures area 11\b/.test(w.name));
  assert.ok(sheet, `a sheet of area 11's measures among ${wb.worksheets.map((w) => w.name).join(', ')}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const placements = rows.find((row) => row[0] === 'Children looked after with 3 or more placements during the year');
  assert.ok(placements, 'the placements measure has a row');
  assert.equal(typeof placements[1], 'number', `its figure before is a number: ${String(placements[1])}`);
  assert.equal(typeof placements[3], 'number', `its figure after is a number: ${String(placements[3])}`);
});
