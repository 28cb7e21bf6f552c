// The risk register page on injected requests: the 5×5 heat map's cells and the register's rows.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { planFixture } from '../helpers/plan-fixture.ts';
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

/** The inside of one heat-map cell, found by its likelihood and impact. */
function cell(html: string, likelihood: number, impact: number): string {
  const m = new RegExp(`<td[^>]*id="heat-l${likelihood}-i${impact}"[^>]*>([\\s\\S]*?)</td>`).exec(html);
  assert.ok(m, `no heat-map cell for likelihood ${likelihood}, impact ${impact}`);
  return m[1]!;
}

test('get risks as a viewer shows the heat map with each open risk in its likelihood and impact cell', async () => {
  const r = await web.get('/risks', await web.signIn('viewer'));
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /<h1 class="govuk-heading-l">Risk register<\/h1>/);
  assert.match(r.body, /<h2 class="govuk-heading-m">Heat map of open risks<\/h2>/);
  assert.match(r.body, /<table class="govuk-table parentis-heat-map" aria-describedby="heat-map-explanation">\s*<caption[^>]*>Open risks by likelihood \(rows, 5 to 1\) and impact \(columns, 1 to 5\)<\/caption>/);
  const both = cell(r.body, 4, 4);
  assert.match(both, /Very high \(16\)/);
  assert.match(both, /2 risks/);
  assert.match(both, /href="#risk-R1">R1/);
  assert.match(both, /href="#risk-R2">R2/);
  const corner = cell(r.body, 5, 5);
  assert.match(corner, /Very high \(25\)/);
  assert.match(corner, /1 risk</);
  assert.match(corner, /href="#risk-R3">R3/);
  assert.match(cell(r.body, 1, 2), /0 risks/);
  assert.match(cell(r.body, 1, 1), /Low \(1\)/);
});

test('get risks draws the heat map as a table of likelihood rows and impact columns', async () => {
  const r = await web.get('/risks', await web.signIn('viewer'));
  const rows = [...r.body.matchAll(/<th scope="row" class="govuk-table__header parentis-heat-map__axis">Likelihood (\d)/g)].map((m) => m[1]);
  assert.deepEqual(rows, ['5', '4', '3', '2', '1']);
  const columns = [...r.body.matchAll(/<th scope="col" class="govuk-table__header parentis-heat-map__axis">Impact (\d)/g)].map((m) => m[1]);
  assert.deepEqual(columns, ['1', '2', '3', '4', '5']);
  assert.match(r.body, /class="govuk-table__cell parentis-heat-map__cell parentis-heat-map__cell--very-high" id="heat-l5-i5"/);
  assert.doesNotMatch(r.body, /<canvas/);
});

test('get risks lists every risk in the register with its score band in words, trend and linked action', async () => {
  const r = await web.get('/risks', await web.signIn('viewer'));
  const row = /<tr class="govuk-table__row" id="risk-R2">([\s\S]*?)<\/tr>/.exec(r.body)?.[1];
  assert.ok(row, 'no register row for R2');
  assert.match(row, /R2: CAMHS waiting times rise/);
  assert.match(row, /<li>Placements break down<\/li>/);
  assert.match(row, /16 <strong class="govuk-tag govuk-tag--red">\s*Very high\s*<\/strong>/);
  assert.match(row, /Rising \(was 12\)/);
  assert.match(row, /30 September 2018/);
  assert.match(row, /href="\/plans\/test-plan\/actions\/2">test-plan:2<\/a> Offer every care leaver a personal adviser/);
  const closed = /<tr class="govuk-table__row" id="risk-R4">([\s\S]*?)<\/tr>/.exec(r.body)?.[1];
  assert.ok(closed, 'no register row for the closed risk R4');
  assert.match(closed, /Closed/);
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
  assert.match(r.body, /<title>Risk register – Test improvement plan – Testshire County Council – Parentis<\/title>/);
  assert.match(r.body, /<span class="govuk-caption-l">Test improvement plan<\/span>/);
  assert.match(r.body, /<a class="govuk-link" href="\/risks">All plans<\/a>/);
  assert.match(cell(r.body, 4, 4), /2 risks/);
});
