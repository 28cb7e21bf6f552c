// The risk register page on injected requests: the 5×5 heat map's cells and the register's rows.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { planFixture } from '../helpers/plan-fixture.ts';
import { html, words, type Link } from '../helpers/html.ts';
import { useWebTest } from '../helpers/web.ts';

const web = useWebTest();

/** The fixture's R1 (likelihood 4, impact 4) plus three more: one beside it, one at the top corner, one closed. */
function riskPlan(): ReturnType<typeof planFixture> {
  const doc = planFixture();
  doc.plan.risks!.push(
    {
      reference: 'R2',
      title: 'CAMHS waiting times rise',
      owner: 'Head of Health',
      impact: 'Children wait longer for help.\n\n- Placements break down\n- More moves',
      mitigation: 'Weekly CAMHS triage.',
      reviewDate: '2018-09-30',
      scores: [
        { likelihood: 3, impact: 4, recordedAt: '2018-04-02T09:00:00Z', recordedBy: 'Head of Health' },
        { likelihood: 4, impact: 4, recordedAt: '2018-06-02T09:00:00Z', recordedBy: 'Head of Health' },
      ],
      actions: ['2'],
    },
    { reference: 'R3', title: 'Court delays', owner: 'Head of Legal', scores: [{ likelihood: 5, impact: 5, recordedAt: '2018-04-02T09:00:00Z', recordedBy: 'Head of Legal' }] },
    {
      reference: 'R4',
      title: 'Old system switched off early',
      owner: 'Head of IT',
      status: 'closed',
      scores: [{ likelihood: 1, impact: 2, recordedAt: '2018-04-02T09:00:00Z', recordedBy: 'Head of IT' }],
    },
  );
  return doc;
}

beforeEach(async () => {
  await web.db.services.plans.importDocument(web.ctx, riskPlan());
});

/** One heat-map cell, found by its likelihood and impact: its words and its links. */
function cell(body: string, likelihood: number, impact: number): { text: string; links: Link[] } {
  const selector = `td#heat-l${likelihood}-i${impact}`;
  const page = html(body);
  const text = page.text(selector);
  assert.ok(text !== undefined, `no heat-map cell for likelihood ${likelihood}, impact ${impact}`);
  return { text, links: page.links(selector) };
}
/** A row of the register, by its id (risk-R2): its words, links and tags. */
function registerRow(body: string, id: string) {
  const row = html(body).find(`tr#${id}`);
  return row && { text: words(row.text), row };
}

test('get risks as a viewer shows the heat map with each open risk in its likelihood and impact cell', async () => {
  const r = await web.get('/risks', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.heading(), 'Risk register');
  assert.ok(page.texts('h2').includes('Heat map of open risks'));
  const table = page.find('table.parentis-heat-map');
  assert.equal(table?.getAttribute('aria-describedby'), 'heat-map-explanation');
  assert.equal(words(table?.querySelector('caption')?.text ?? ''), 'Open risks by likelihood (rows, 5 to 1) and impact (columns, 1 to 5)');
  const both = cell(r.body, 4, 4);
  assert.match(both.text, /Very high \(16\)/);
  assert.match(both.text, /2 risks/);
  assert.ok(both.links.some((l) => l.href === '#risk-R1' && l.text.startsWith('R1')));
  assert.ok(both.links.some((l) => l.href === '#risk-R2' && l.text.startsWith('R2')));
  const corner = cell(r.body, 5, 5);
  assert.match(corner.text, /Very high \(25\)/);
  assert.match(corner.text, /\b1 risk\b(?!s)/);
  assert.ok(corner.links.some((l) => l.href === '#risk-R3' && l.text.startsWith('R3')));
  assert.match(cell(r.body, 1, 2).text, /0 risks/);
  assert.match(cell(r.body, 1, 1).text, /Low \(1\)/);
});

test('get risks draws the heat map as a table of likelihood rows and impact columns', async () => {
  const r = await web.get('/risks', await web.signIn('viewer'));
  const page = html(r.body);
  const rows = page.all('table.parentis-heat-map th[scope="row"].parentis-heat-map__axis').map((th) => /^Likelihood (\d)/.exec(words(th.text))?.[1]);
  assert.deepEqual(rows, ['5', '4', '3', '2', '1']);
  const columns = page.all('table.parentis-heat-map th[scope="col"].parentis-heat-map__axis').map((th) => /^Impact (\d)/.exec(words(th.text))?.[1]);
  assert.deepEqual(columns, ['1', '2', '3', '4', '5']);
  assert.ok(page.find('td#heat-l5-i5')?.classList.contains('parentis-heat-map__cell--very-high'));
  assert.equal(page.find('canvas'), undefined);
});

test('get risks lists every risk in the register with its score band in words, trend and linked action', async () => {
  const r = await web.get('/risks', await web.signIn('viewer'));
  const found = registerRow(r.body, 'risk-R2');
  assert.ok(found, 'no register row for R2');
  const { text, row } = found;
  assert.match(text, /R2: CAMHS waiting times rise/);
  assert.ok(row.querySelectorAll('li').some((li) => words(li.text) === 'Placements break down'));
  assert.match(text, /16 Very high/);
  assert.equal(words(row.querySelector('.govuk-tag--red')?.text ?? ''), 'Very high');
  assert.match(text, /Rising \(was 12\)/);
  assert.match(text, /30 September 2018/);
  assert.equal(row.querySelector('a[href="/plans/test-plan/actions/2"]')?.text, 'Offer every care leaver a personal adviser');
  assert.match(text, /Offer every care leaver a personal adviser – Test improvement plan, action 2/);
  const closed = registerRow(r.body, 'risk-R4');
  assert.ok(closed, 'no register row for the closed risk R4');
  assert.match(closed.text, /Closed/);
});

test('get risks for a plan that does not exist answers 404', async () => {
  const r = await web.get('/risks?plan=no-such-plan', await web.signIn('viewer'));
  assert.equal(r.statusCode, 404);
});

test('get risks signed out sends the browser to sign in', async () => {
  const r = await web.get('/risks', null);
  assert.equal(r.statusCode, 303);
  assert.match(String(r.headers.location), /^\/sign-in\?next=%2Frisks/);
});

test('get risks for one plan names the plan and offers the way back to all plans', async () => {
  const r = await web.get('/risks?plan=test-plan', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  assert.equal(page.title(), 'Risk register – Test improvement plan – Testshire County Council – Parentis');
  assert.equal(page.text('.govuk-caption-l'), 'Test improvement plan');
  assert.equal(page.href('All plans'), '/risks');
  assert.match(cell(r.body, 4, 4).text, /2 risks/);
});
