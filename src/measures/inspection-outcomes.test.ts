// Reading Ofsted's inspection outcomes from the spreadsheet's content.xml, and keeping only some
// authorities' rows of a DfE table without moving any other row's line number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDfeTable } from './dfe-tables.ts';
import { readInspectionOutcomes } from './inspection-outcomes.ts';

const cell = (v: string, repeat?: number): string =>
  `<table:table-cell${repeat ? ` table:number-columns-repeated="${repeat}"` : ''} office:value-type="string"><text:p>${v}</text:p></table:table-cell>`;
const row = (...cells: string[]): string => `<table:table-row>${cells.join('')}</table:table-row>`;
const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet>
<table:table table:name="Cover">${row(cell('Local authority inspection judgements'))}</table:table>
<table:table table:name="Inspections_as_at_31_March">
${row(cell('This worksheet contains one table'))}
${row(cell('Web link'), cell('Local authority area code'), cell('Local authority name'), cell('Ofsted region'), cell('Overall effectiveness'))}
${row(cell('<text:a>Ofsted Local Authority Webpage</text:a>'), cell('E06000052'), cell('Cornwall'), cell('South West'), cell('Good'))}
${row(cell('link'), cell('E09000002'), cell('Barking and Dagenham'), cell('London'), cell('Requires improvement to be good'))}
${row(cell('', 3), '<table:table-cell/>')}
</table:table></office:spreadsheet></office:body></office:document-content>`;

test('read inspection outcomes takes the code, name and overall effectiveness of each authority', () => {
  assert.deepEqual(readInspectionOutcomes('outcomes.ods', content), [
    { newLaCode: 'E06000052', name: 'Cornwall', overallEffectiveness: 'Good' },
    { newLaCode: 'E09000002', name: 'Barking and Dagenham', overallEffectiveness: 'Requires improvement to be good' },
  ]);
});

test('read inspection outcomes of another spreadsheet names the columns it needs', () => {
  assert.throws(() => readInspectionOutcomes('other.ods', content.replace('Overall effectiveness', 'Verdict')), /other\.ods: no sheet with the columns "Local authority area code" and "Overall effectiveness"/);
});

const HEAD = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,cla_group,placement_stability,children_count,children_percent';
const line = (la: string, name: string, code: string, percent: string): string =>
  `2025,Reporting year,Local authority,E92000001,England,E12000009,South West,${la},${name},${code},CLA on 31 March,With 3 or more placements during the year,1,${percent}`;

test('read dfe table keeps the authorities asked for by either code and still names the row of a bad cell', async () => {
  const text = [HEAD, line('908', 'Cornwall', 'E06000052', '12'), line('839', '"Bournemouth, Christchurch and Poole"', 'E06000058', '9'), line('301', 'Barking and Dagenham', 'E09000002', 'bad')].join('\n');
  const { figures } = await readDfeTable('t.csv', text, { authorities: new Set(['908', 'E06000058']) });
  assert.deepEqual(figures.map((f) => f.oldLaCode), ['908', '839']);
  await assert.rejects(readDfeTable('t.csv', text), /^DfeFileError: t\.csv: row 4, column children_percent/);
});
