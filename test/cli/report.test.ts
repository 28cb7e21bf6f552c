// parentis report on the demonstration: the newest snapshot's three reports written in each format
// (the files' own signatures and the executive summary's web page read back), and the options refused
// with one line naming what is wrong and no file written.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { demoStore, disposeStores, fails, oneLine, parentis, tempDir, type Store } from './run.ts';

let store: Store;
let dir: string;
before(async () => {
  store = await demoStore();
  dir = tempDir('parentis-report-');
});
after(disposeStores);

const SIGNATURES: Record<string, string> = { pdf: '%PDF-', docx: 'PK', xlsx: 'PK', html: '<!DOCTYPE html>' };

test("report writes snapshot 4's executive summary in every format, and its annual report and scrutiny pack", async () => {
  for (const kind of ['exec-summary', 'annual', 'scrutiny']) {
    for (const format of kind === 'exec-summary' ? ['html', 'docx', 'pdf', 'xlsx'] : ['docx']) {
      const out = path.join(dir, `${kind}.${format}`);
      const r = await parentis(store, ['report', kind, '--snapshot', '4', '--format', format, '--out', out]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`^Wrote ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(.*snapshot 4, \\d+ bytes\\)\\n$`));
      const file = fs.readFileSync(out);
      assert.equal(file.subarray(0, SIGNATURES[format]!.length).toString(), SIGNATURES[format], `${kind}.${format}`);
    }
  }
  const page = fs.readFileSync(path.join(dir, 'exec-summary.html'), 'utf8');
  assert.match(page, /As reported to the Corporate Parenting Board on 9 August 2018/);
  assert.match(page, /As at 30 June 2018/);
  for (const heading of ['Overall', 'Achievements', 'Slippage on target dates', 'Issues and risks', 'Next quarter&#39;s planned activity', 'Decisions required', 'Programmes', 'Glossary']) {
    assert.match(page, new RegExp(`<h2[^>]*>${heading}</h2>`), heading);
  }
});

test('report refuses a missing or doubled source, a bad number and an unknown format, writing nothing', async () => {
  const out = path.join(dir, 'refused.pdf');
  const cases: [string[], RegExp][] = [
    [['report', 'annual', '--out', out], /Say which snapshot to report with --snapshot N/],
    [['report', 'annual', '--snapshot', '4', '--draft', '--out', out], /Give --snapshot N or --draft, not both/],
    [['report', 'annual', '--snapshot', 'four', '--out', out], /--snapshot "four" is not a snapshot number/],
    [['report', 'annual', '--snapshot', '4', '--format', 'odt', '--out', out], /--format must be one of html, docx, pdf, xlsx, not "odt"/],
    [['report', 'annual', '--snapshot', '99', '--out', out], /There is no snapshot 99/],
  ];
  for (const [args, message] of cases) {
    assert.match(oneLine(await fails(store, args)), message, args.join(' '));
    assert.equal(fs.existsSync(out), false);
  }
});
