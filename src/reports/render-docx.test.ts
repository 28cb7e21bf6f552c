// The Word rendering of a board report, unzipped and read as XML.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { reportFixture } from '../../test/helpers/report-document.ts';
import { reportDocx } from './render-docx.ts';

interface Parts {
  document: string;
  styles: string;
  core: string;
  footers: string;
  headers: string;
  media: string[];
}

let produced: Promise<Parts> | undefined;
/** The fixture's .docx, made once for every test here: drawing its chart takes a moment. */
function parts(): Promise<Parts> {
  produced ??= (async () => {
    const zip = await JSZip.loadAsync(await reportDocx(reportFixture()));
    const read = (name: string) => zip.file(name)!.async('string');
    const all = (re: RegExp) => Promise.all(Object.keys(zip.files).filter((n) => re.test(n)).map(read));
    return {
      document: await read('word/document.xml'),
      styles: await read('word/styles.xml'),
      core: await read('docProps/core.xml'),
      footers: (await all(/^word\/footer\d*\.xml$/)).join('\n'),
      headers: (await all(/^word\/header\d*\.xml$/)).join('\n'),
      media: Object.keys(zip.files).filter((n) => n.startsWith('word/media/')),
    };
  })();
  return produced;
}

/** The text of each paragraph with the given style, in order. */
function styled(document: string, styleId: string): string[] {
  return [...document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="([^"]+)"\/>[\s\S]*?<\/w:p>/g)]
    .filter((m) => m[1] === styleId)
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

test('render report docx gives the title as Heading1 and sections as Heading2 and Heading3 by nesting', async () => {
  const { document, styles } = await parts();
  assert.deepEqual(styled(document, 'Heading1'), ['Quarterly executive summary']);
  assert.deepEqual(styled(document, 'Heading2'), ['Overall narrative', 'Data dashboard', 'Appendix: education work plan']);
  assert.deepEqual(styled(document, 'Heading3'), ['Achievements']);
  assert.match(styles, /<w:style w:type="paragraph" w:styleId="Heading1">/);
  assert.match(styles, /<w:style w:type="paragraph" w:styleId="Heading2">/);
});

test('render report docx sets the title in the properties and the language in the default styles', async () => {
  const { core, styles } = await parts();
  assert.match(core, /<dc:title>Quarterly executive summary<\/dc:title>/);
  assert.match(styles, /<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"\/>[\s\S]*<\/w:docDefaults>/);
});

test('render report docx puts the authority, as-at, reporting and draft mark on the first page and page numbers in the footer', async () => {
  const { document, footers, headers } = await parts();
  const firstPage = document.slice(0, document.indexOf('Data dashboard'));
  for (const line of ['Northshire County Council', 'As at 30 September 2026', 'As reported to the Corporate Parenting Board on 6 November 2026', 'Draft — not yet reported']) {
    assert.ok(firstPage.includes(line), line);
  }
  assert.match(footers, /PAGE/);
  assert.match(footers, /NUMPAGES/);
  assert.match(headers, /Draft — not yet reported/);
});

test('render report docx repeats table header rows and breaks pages before marked sections', async () => {
  const { document } = await parts();
  assert.equal(document.match(/<w:tbl>/g)!.length, 3);
  assert.equal(document.match(/<w:tblHeader\/>/g)!.length, 3);
  assert.equal(document.match(/<w:pageBreakBefore\/>/g)!.length, 2);
  assert.match(document, /Work plan: education task group/);
  assert.match(document, /Education action number 70, reviewed at each board/);
});

test('render report docx shades rating cells and writes their word, and keeps the suppressed c', async () => {
  const { document } = await parts();
  assert.match(document, /<w:shd w:fill="F4D7D7"[^>]*\/>[\s\S]{0,600}?<w:t xml:space="preserve">Red<\/w:t>/);
  assert.match(document, /<w:shd w:fill="FCD6C3"[^>]*\/>[\s\S]{0,600}?Amber — 3\.1 points below target/);
  assert.match(document, /<w:shd w:fill="BBD4EA"[^>]*\/>[\s\S]{0,600}?>Blue</);
  assert.match(document, /<w:t xml:space="preserve">c<\/w:t>/);
  assert.match(document, /4 December 2026/);
  assert.match(document, /Every child has a PEP &lt;script&gt;/);
});

test('render report docx embeds the chart as a PNG with its alternative text', async () => {
  const { document, media } = await parts();
  assert.equal(media.length, 1);
  assert.match(media[0]!, /\.png$/);
  assert.match(document, /<wp:docPr [^>]*descr="Long-term stability rose from 64\.2% in March to 67\.5% in September 2026\."/);
  assert.match(document, /<wp:docPr [^>]*title="Long-term stability"/);
});

test('render report docx widens a narrow column to its longest word so no word breaks', async () => {
  const { document } = await parts();
  const grid = /<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(document)![1]!;
  const widths = [...grid.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
  assert.equal(widths.length, 5);
  // "Children" in bold at 10 pt with the cell's margins; its weight alone would give it 820 twips.
  assert.ok(widths[1]! >= 1240, `the Children column is ${widths[1]} twips`);
  assert.ok(widths.reduce((a, b) => a + b, 0) <= 9026);
});
