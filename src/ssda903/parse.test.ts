// Reading 903 files: table recognition by columns, BOM, case, collection years, refusal of bad files, the XML form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseCsvStream, parseFiles, Ssda903FileError, yearFromPath, type CellCache, type ParsedFile } from './parse.ts';
import { rowCount, rowsOf } from './rows.ts';
import type { TableName } from './tables.ts';
import { generate903 } from './generate/generate.ts';
import { plainRows } from './test-fixtures.ts';
import { ValidationError } from '../domain/errors.ts';

test('parse a CSV with a BOM, columns in any order and lower-case values', () => {
  const text = '\uFEFFdecom,CHILD,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n01/06/2024,c1,s,c2,n1,u1,pr1,,,, ab1 2cd ,ef3 4gh,sc1\r\n';
  const [file] = parseFiles([{ name: '903/2025/episodes.csv', text }]);
  assert.equal(file?.table, 'Episodes');
  assert.equal(file?.collectionYear, 2025);
  assert.deepEqual(plainRows(file.rows)[0], {
    file: '903/2025/episodes.csv',
    line: 2,
    fields: { DECOM: '01/06/2024', CHILD: 'C1', RNE: 'S', LS: 'C2', CIN: 'N1', PLACE: 'U1', PLACE_PROVIDER: 'PR1', DEC: '', REC: '', REASON_PLACE_CHANGE: '', HOME_POST: 'AB1 2CD', PL_POST: 'EF3 4GH', URN: 'SC1' },
  });
});

test('parse refuses a file with a missing column, naming the file and the column', () => {
  const text = 'CHILD,SEX,DOB,UPN,MOTHER,MC_DOB\nC1,M,01/01/2010,A123,,\n';
  assert.throws(
    () => parseFiles([{ name: 'returns/header.csv', text }]),
    (e: unknown) => e instanceof Ssda903FileError && e instanceof ValidationError && /returns\/header\.csv/.test(e.message) && /missing column ETHNIC/.test(e.message) && e.missingColumns.join() === 'ETHNIC',
  );
});

test('parse refuses a file with an unexpected column and one matching no table', () => {
  assert.throws(() => parseFiles([{ name: 'oc3.csv', text: 'CHILD,DOB,IN_TOUCH,ACTIV,ACCOM,NOTES\n' }]), /oc3\.csv: looks like the OC3 table but has unexpected column NOTES/);
  assert.throws(() => parseFiles([{ name: 'other.csv', text: 'A,B\n1,2\n' }]), /other\.csv: the columns \(A, B\) do not match any 903 table/);
});

test('parse accepts the optional PL_DISTANCE and PL_LOCATION columns and a Postcodes table', () => {
  const episodes = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,PL_DISTANCE,PL_LOCATION\nC1,01/06/2024,S,C2,N1,U1,PR1,,,,A,B,U,12.5,out\n';
  const [e, p] = parseFiles([
    { name: '2025/episodes.csv', text: episodes },
    { name: '2025/postcodes.csv', text: 'POSTCODE,EASTING,NORTHING,LA_CODE\nAB1 2CD,400000,300000,E10000001\n' },
  ]);
  assert.equal(e?.rows[0]?.fields.PL_LOCATION, 'OUT');
  assert.equal(p?.table, 'Postcodes');
});

test('parse reads quoted CSV cells and reports the line each row starts on', () => {
  const text = 'CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"C1","01/06/2006","yes","F2","D1"\n"C2","01/06/2006","NO","G5","R2"\n';
  const [file] = parseFiles([{ name: 'oc3_2025.csv', text }]);
  assert.deepEqual(
    file?.rows.map((r) => [r.line, r.fields.CHILD, r.fields.IN_TOUCH]),
    [
      [2, 'C1', 'YES'],
      [3, 'C2', 'NO'],
    ],
  );
});

test('parse takes the collection year from the path, a 2017-18 span, or the latest date in the file', () => {
  assert.equal(yearFromPath('903/2018/episodes.csv'), 2018);
  assert.equal(yearFromPath('episodes_2017-18.csv'), 2018);
  assert.equal(yearFromPath('episodes.csv'), null);
  const text = 'CHILD,DOB,MISSING,MIS_START,MIS_END\nC1,01/01/2010,M,05/04/2024,06/04/2024\nC1,01/01/2010,M,01/02/2024,02/02/2024\n';
  assert.equal(parseFiles([{ name: 'missing.csv', text }])[0]?.collectionYear, 2025);
});

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<EXPSSDA903>
  <CHILD>
    <HEADER>
      <CHILDID>c1</CHILDID><SEX>M</SEX><DOB>01/02/2012</DOB><ETHNIC>WBRI</ETHNIC><UPN>A123</UPN><MOTHER/><MC_DOB/>
      <UASC>1</UASC><DUC/>
      <AREVIEW><REVIEW>01/05/2024</REVIEW><REVIEW_CODE>PN1</REVIEW_CODE></AREVIEW>
      <AMISSING><MISSING>M</MISSING><MIS_START>01/06/2024</MIS_START><MIS_END>02/06/2024</MIS_END></AMISSING>
      <OC2><SDQ_SCORE>12</SDQ_SCORE><CONVICTED>0</CONVICTED><HEALTH_CHECK>0</HEALTH_CHECK><IMMUNISATIONS>1</IMMUNISATIONS><TEETH_CHECK>1</TEETH_CHECK><HEALTH_ASSESSMENT>1</HEALTH_ASSESSMENT><SUBSTANCE_MISUSE>0</SUBSTANCE_MISUSE><INTERVENTION_RECEIVED>0</INTERVENTION_RECEIVED><INTERVENTION_OFFERED>0</INTERVENTION_OFFERED></OC2>
    </HEADER>
    <EPISODE><DECOM>01/01/2023</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><PL_POST>AB1 2CD</PL_POST><HOME_POST>EF3 4GH</HOME_POST><URN>SC1</URN><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>01/06/2024</DEC><REC>X1</REC><REASON_PLACE_CHANGE>CARPL</REASON_PLACE_CHANGE></EPISODE>
    <EPISODE><DECOM>01/06/2024</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PL>k2</PL><PL_POST>AB1 2CD</PL_POST><HOME_POST>EF3 4GH</HOME_POST><URN>SC2</URN><PLACE_PROVIDER>PR4</PLACE_PROVIDER><DEC/><REC/><REASON_PLACE_CHANGE/></EPISODE>
  </CHILD>
  <CHILD>
    <HEADER><CHILDID>C2</CHILDID><SEX>F</SEX><DOB>01/06/2006</DOB><ETHNIC>WBRI</ETHNIC><UPN>UN1</UPN><IN_TOUCH>YES</IN_TOUCH><ACTIV>F2</ACTIV><ACCOM>D1</ACCOM></HEADER>
  </CHILD>
</EXPSSDA903>
`;

test('parse the XML form of the return into its tables with PL renamed PLACE and the line of each element', () => {
  const parsed = parseFiles([{ name: '903/2025/return.xml', text: XML }]);
  const byTable = new Map(parsed.map((f) => [f.table, f]));
  assert.deepEqual([...byTable.keys()].sort(), ['Episodes', 'Header', 'Missing', 'OC2', 'OC3', 'Reviews', 'UASC']);
  assert.ok(parsed.every((f) => f.collectionYear === 2025 && f.name === '903/2025/return.xml'));
  const episodes = byTable.get('Episodes')!.rows;
  assert.deepEqual(
    episodes.map((r) => [r.line, r.fields.CHILD, r.fields.PLACE, r.fields.DEC]),
    [
      [11, 'C1', 'U4', '01/06/2024'],
      [12, 'C1', 'K2', ''],
    ],
  );
  assert.equal(byTable.get('Header')!.rows.length, 2);
  assert.equal(byTable.get('OC2')!.rows[0]!.fields.SDQ_SCORE, '12');
  assert.equal(byTable.get('OC3')!.rows[0]!.fields.CHILD, 'C2');
  assert.equal(byTable.get('UASC')!.rows[0]!.fields.DOB, '01/02/2012');
  assert.equal(byTable.get('Missing')!.rows[0]!.fields.MIS_START, '01/06/2024');
});

test('parse refuses XML that is not a 903 return', () => {
  assert.throws(() => parseFiles([{ name: 'x.xml', text: '<root><a>1</a></root>' }]), /x\.xml: no CHILD elements/);
});

test('parse takes the collection year written in the XML itself before the path', () => {
  const text = XML.replace('<EXPSSDA903>', '<EXPSSDA903><COLLECTIONYEAR>2024</COLLECTIONYEAR>');
  assert.ok(parseFiles([{ name: '903/2025/return.xml', text }]).every((f) => f.collectionYear === 2024));
});

test('parse gives a file with no dates and no year in its path the year of the other files', () => {
  const parsed = parseFiles([
    { name: 'upload/header.csv', text: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2012,WBRI,A1,,\n' },
    { name: 'upload/episodes.csv', text: 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nC1,01/06/2024,S,C2,N1,U1,PR1,,,,A,B,U\n' },
  ]);
  assert.deepEqual(
    parsed.map((f) => [f.table, f.collectionYear]),
    [
      ['Header', 2025],
      ['Episodes', 2025],
    ],
  );
  const xml = parseFiles([{ name: 'return.xml', text: XML }]);
  assert.ok(xml.every((f) => f.collectionYear === 2025), 'the XML year comes from its latest event date');
});

test('parse streamed generated files giving the rows csv-parse gives, also when quoted lines start part-way', async () => {
  const generated = generate903({ children: 300, years: 1, seed: 'plain-lines' });
  for (const file of generated.files.filter((f) => f.rows > 0)) {
    // Quote every cell of one line in the middle: from there on the reader hands over to csv-parse.
    const lines = file.text.split('\n');
    const middle = Math.floor(lines.length / 2);
    lines[middle] = lines[middle]!.split(',').map((c) => `"${c}"`).join(',');
    for (const text of [file.text, lines.join('\r\n')]) {
      const bytes = new TextEncoder().encode(text);
      // eslint-disable-next-line @typescript-eslint/require-await -- an async source, as a file stream is
      async function* chunks(): AsyncGenerator<Uint8Array> {
        for (let i = 0; i < bytes.length; i += 1009) yield bytes.slice(i, i + 1009);
      }
      const streamed = await parseCsvStream(file.path, chunks());
      const records = parseCsv(text, { info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as { record: string[]; info: { lines: number } }[];
      const [header, ...rows] = records;
      const expected = rows.map(({ record, info }) => ({ file: file.path, line: info.lines, fields: Object.fromEntries(header!.record.map((c, i) => [c, (record[i] ?? '').trim().toUpperCase()])) }));
      assert.equal(streamed.rows.length, file.rows, file.path);
      assert.deepEqual(plainRows(streamed.rows), expected, file.path);
      // Read into columns, the rows made from them are the same.
      const inColumns = await parseCsvStream(file.path, chunks(), new Map(), new Set([streamed.table]));
      assert.equal(inColumns.rows.length, 0);
      assert.equal(rowCount(inColumns), file.rows, file.path);
      assert.deepEqual(columnRows(inColumns), expected, file.path);
    }
  }
});

/** A file's rows read into columns, as plain objects of the header's columns. */
function columnRows(file: ParsedFile): { file: string; line: number; fields: Record<string, string> }[] {
  const header = file.columns!.header;
  return [...rowsOf(file)].map((r) => ({ file: r.file!, line: r.line, fields: Object.fromEntries(header.map((c) => [c, r.fields[c]!])) }));
}

test('parse into columns gives the cells rows would: spaces, lower case, blanks, short and long rows, other scripts, quotes', async () => {
  const text = [
    'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN',
    ' c1 ,01/04/2020,s,c2,n1,u1,pr1,,,,ab1 2cd,ef3 4gh,sc123456',
    'C1,01/04/2020,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,SC123456',
    '',
    'C2,02/04/2020,S',
    'C3,03/04/2020,S,C2,N1,U1,PR1,,,,AB1 2CD,EF3 4GH,SC123456,extra',
    'C4,04/04/2020,S,C2,N1,U1,PR1,,,,Zürich 1,EF3 4GH,	sc9',
    '"C5","05/04/2020","S","C2","N1","U1","PR1","","","","AB1, 2CD","EF3 4GH","SC1"',
  ].join('\r\n');
  const bytes = new TextEncoder().encode(text);
  // eslint-disable-next-line @typescript-eslint/require-await -- an async source, as a file stream is
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += 7) yield bytes.slice(i, i + 7);
  }
  const rows = await parseCsvStream('episodes.csv', chunks());
  const cells: CellCache = new Map();
  const columnar = new Set<TableName>(['Episodes']);
  const columns = await parseCsvStream('episodes.csv', chunks(), cells, columnar);
  assert.equal(rowCount(columns), 6);
  // Both ways share the reader's numbering of cells, so both are held to csv-parse's reading of the text.
  const [header, ...records] = parseCsv(text, { info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const expected = records.map(({ record, info }) => ({ file: 'episodes.csv', line: info.lines, fields: Object.fromEntries(header!.record.map((c, i) => [c, (record[i] ?? '').trim().toUpperCase()])) }));
  assert.deepEqual(plainRows(rows.rows), expected);
  assert.deepEqual(columnRows(columns), expected);
  assert.equal(columnRows(columns)[0]!.fields.CHILD, 'C1', 'trimmed and upper-cased');
  assert.equal(columnRows(columns)[4]!.fields.HOME_POST, 'ZÜRICH 1');
  assert.equal(columnRows(columns)[5]!.fields.HOME_POST, 'AB1, 2CD');
  // A second file of the table numbers its values in the same texts.
  const again = await parseCsvStream('2021/episodes.csv', chunks(), cells, columnar);
  assert.deepEqual(columnRows(again).map((r) => r.fields), columnRows(columns).map((r) => r.fields));
  // Each text as read is numbered once (" c1 " and "C1" apart, both C1): blank, two C1s and C2 to C5.
  assert.deepEqual(cells.get('CHILD')!.values, ['', 'C1', 'C1', 'C2', 'C3', 'C4', 'C5']);
});

test('parse a CSV row whose fields, listed or written as JSON, are its columns and nothing else', () => {
  const text = 'CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC1,01/06/2006,YES,F2,D1\nC2,01/06/2006,NO,G5,R2\n';
  const row = parseFiles([{ name: 'oc3.csv', text }])[0]!.rows[1]!;
  assert.equal(row.file, 'oc3.csv');
  assert.equal(row.line, 3);
  assert.deepEqual(Object.keys(row.fields), ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM']);
  assert.equal(JSON.stringify(row.fields), '{"CHILD":"C2","DOB":"01/06/2006","IN_TOUCH":"NO","ACTIV":"G5","ACCOM":"R2"}');
  // As the import stores a row: its line beside its fields, and nothing of the row's own in them.
  assert.equal(JSON.stringify({ line: row.line, fields: row.fields }), '{"line":3,"fields":{"CHILD":"C2","DOB":"01/06/2006","IN_TOUCH":"NO","ACTIV":"G5","ACCOM":"R2"}}');
});
