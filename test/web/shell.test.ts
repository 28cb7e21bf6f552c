// The web application's shell on the real app: layout and navigation, security headers, assets,
// error pages with request ids, CSRF on every posted page, and the shared filters and form reader.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ForbiddenError, StaleWriteError } from '../../src/domain/errors.ts';
import { readForm } from '../../src/web/kit/forms.ts';
import { bragTag, formatDate, formatDateTime, markAbbreviations, plural } from '../../src/web/view.ts';
import { html } from '../helpers/html.ts';
import { useWebTest } from '../helpers/web.ts';

// Routes only this test file has, to reach each error page and a posted page form.
const web = useWebTest({ routes: addTestRoutes });

function addTestRoutes(server: FastifyInstance): void {
  server.get('/shell-test/forbidden', () => {
    throw new ForbiddenError('Your role does not allow you to see this test page.');
  });
  server.get('/shell-test/stale', () => {
    throw new StaleWriteError('Someone else changed this action since you opened it.', 3);
  });
  server.get('/shell-test/broken', () => {
    throw new Error('database exploded: secret detail');
  });
  server.post('/shell-test/form', (_request, reply) => reply.send({ accepted: true }));
}

test('get health answers ok without signing in', async () => {
  const r = await web.get('/health', null);
  assert.equal(r.statusCode, 200);
  assert.deepEqual(r.json(), { status: 'ok' });
});

test('get home signed in shows the authority header, service navigation, skip link and sign-out button', async () => {
  const s = await web.signIn('viewer');
  const r = await web.get('/', s);
  assert.equal(r.statusCode, 200);
  const page = html(r.body);
  const root = page.find('html');
  assert.equal(root?.getAttribute('lang'), 'en-GB');
  assert.ok(root?.classList.contains('govuk-template'));
  assert.equal(page.find('a.govuk-skip-link')?.getAttribute('href'), '#main-content');
  assert.ok(page.find('main#main-content')?.classList.contains('govuk-main-wrapper'));
  assert.equal(page.text('a.govuk-generic-header__homepage-link'), 'Testshire County Council');
  assert.doesNotMatch(r.body, /govuk-header__logotype|govuk-logo|Crown copyright|GOV\.UK/, 'no crown, no GOV.UK branding');
  assert.ok(page.find('nav.govuk-service-navigation__wrapper[aria-label="Main menu"]'));
  assert.equal(page.find('nav.govuk-service-navigation__wrapper a.govuk-service-navigation__link[href="/"]')?.getAttribute('aria-current'), 'page');
  assert.equal(page.text('.parentis-account__name'), 'Signed in as Vic Viewer, board member (read only)');
  assert.equal(page.text('.parentis-account__name strong'), 'Vic Viewer');
  const signOut = page.find('form[action="/sign-out"]');
  assert.equal(signOut?.getAttribute('method'), 'post');
  assert.match(signOut?.querySelector('input[type="hidden"][name="_csrf"]')?.getAttribute('value') ?? '', /.+/);
  assert.ok(page.find('link[rel="stylesheet"][href="/assets/govuk-frontend.min.css"]'));
  assert.ok(page.find('script[type="module"][src="/assets/init.js"]'));
  assert.match(page.text('footer') ?? '', /© Testshire County Council/);
  assert.doesNotMatch(r.body, /style="/, 'no inline styles');
});

test('get a page shows the audit log in the navigation to an administrator only', async () => {
  const admin = await web.get('/', await web.signIn('admin'));
  const viewer = await web.get('/', await web.signIn('viewer'));
  assert.ok(html(admin.body).hasLink('/audit'));
  assert.equal(html(viewer.body).hasLink('/audit'), false);
});

test('get any page sends a strict content security policy and the other security headers', async () => {
  const r = await web.get('/sign-in', null);
  const csp = String(r.headers['content-security-policy']);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/, 'scripts: this site, plus only the hashed GOV.UK js-enabled line');
  assert.match(csp, /style-src 'self'(;|$)/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /form-action 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.equal(r.headers['referrer-policy'], 'same-origin');
  assert.match(String(r.headers['strict-transport-security']), /max-age=31536000/);
  assert.match(String(r.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  assert.equal(r.headers['cache-control'], 'no-store');
});

test('get the GOV.UK stylesheet serves a system font and never the GDS Transport files', async () => {
  const css = await web.get('/assets/govuk-frontend.min.css', null);
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['content-type']), /^text\/css/);
  assert.ok(css.body.includes('.govuk-generic-header'), 'the compiled GOV.UK Frontend styles');
  assert.ok(css.body.includes('font-family:system-ui'), 'a system font stack');
  assert.ok(!css.body.includes('GDS Transport'), 'no GDS Transport');
  assert.ok(!css.body.includes('@font-face'), 'no font files asked for');
  const font = await web.get('/assets/fonts/bold-b542beb274-v2.woff2', null);
  assert.equal(font.statusCode, 404);
  for (const asset of ['/assets/govuk-frontend.min.js', '/assets/init.js', '/assets/parentis.css', '/assets/favicon.svg']) {
    const r = await web.get(asset, null);
    assert.equal(r.statusCode, 200, asset);
  }
});

test('get an unknown page signed in answers the friendly 404 page', async () => {
  const r = await web.get('/no-such-page', await web.signIn('viewer'));
  assert.equal(r.statusCode, 404);
  assert.equal(html(r.body).title(), 'Page not found – Testshire County Council – Parentis');
  assert.equal(html(r.body).heading(), 'Page not found');
});

test('get a page the role may not see answers the 403 page with the reason', async () => {
  const r = await web.get('/shell-test/forbidden', await web.signIn('viewer'));
  assert.equal(r.statusCode, 403);
  assert.equal(html(r.body).heading(), 'You cannot do this');
  assert.match(html(r.body).main(), /Your role does not allow you to see this test page\./);
});

test('get a page whose write went stale answers 409', async () => {
  const r = await web.get('/shell-test/stale', await web.signIn('manager'));
  assert.equal(r.statusCode, 409);
  assert.match(html(r.body).main(), /Someone else changed this action since you opened it\./);
});

test('get a page that fails answers the 500 page with its request id and hides the detail', async () => {
  const r = await web.get('/shell-test/broken', await web.signIn('viewer'));
  assert.equal(r.statusCode, 500);
  const id = String(r.headers['x-request-id']);
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.match(html(r.body).main(), /Sorry, there is a problem with the service/);
  assert.equal(html(r.body).text('strong.parentis-reference'), id, 'the page shows the request id');
  assert.doesNotMatch(r.body, /secret detail/);
});

test('post any page form without the CSRF token is refused with 403; with it, accepted', async () => {
  const s = await web.signIn('manager');
  const refused = await web.post('/shell-test/form', { _csrf: '' }, s);
  assert.equal(refused.statusCode, 403);
  const accepted = await web.post('/shell-test/form', {}, s);
  assert.equal(accepted.statusCode, 200);
  assert.deepEqual(accepted.json(), { accepted: true });
  const other = await web.signIn('viewer');
  const crossed = await web.post('/shell-test/form', { _csrf: s.csrfToken }, other);
  assert.equal(crossed.statusCode, 403, "one session's token does not work in another");
});

test('format date writes the GOV.UK style without moving the day', () => {
  assert.equal(formatDate('2018-03-15'), '15 March 2018');
  assert.equal(formatDate(new Date('2018-06-30T23:30:00Z')), '1 July 2018', 'UK time');
  assert.equal(formatDate(null), '');
  assert.equal(formatDateTime(new Date('2018-03-15T14:05:00Z')), '15 March 2018 at 2:05pm');
  assert.equal(formatDateTime(new Date('2018-07-01T11:00:00Z')), '1 July 2018 at 12:00pm');
});

test('brag tag always carries the word as well as the colour', () => {
  assert.equal(String(bragTag('B')), '<strong class="govuk-tag govuk-tag--blue">Blue – complete</strong>');
  assert.equal(String(bragTag('R')), '<strong class="govuk-tag govuk-tag--red">Red</strong>');
  assert.equal(String(bragTag('A')), '<strong class="govuk-tag govuk-tag--orange">Amber</strong>');
  assert.equal(String(bragTag('G')), '<strong class="govuk-tag govuk-tag--green">Green</strong>');
  assert.equal(String(bragTag(null)), '<strong class="govuk-tag govuk-tag--grey">No status</strong>');
});

test('abbr marks each known acronym and escapes the rest of the text', () => {
  const terms = [
    { term: 'CLA', expansion: 'Children looked after' },
    { term: 'IRO', expansion: 'Independent reviewing officer' },
    { term: 'Corporate parent', expansion: 'The council' },
  ];
  assert.equal(
    String(markAbbreviations('CLA <b>& IROs</b>; CLA reviews, not CLAS', terms)),
    '<abbr title="Children looked after">CLA</abbr> &lt;b&gt;&amp; <abbr title="Independent reviewing officer">IRO</abbr>s&lt;/b&gt;; <abbr title="Children looked after">CLA</abbr> reviews, not CLAS',
  );
  const mixed = [
    { term: 'DfE', expansion: 'Department for Education' },
    { term: 'W2i', expansion: 'Welcome to independence' },
    { term: 'PP+', expansion: 'Pupil Premium Plus' },
    { term: 'Ofsted', expansion: 'Office for Standards in Education' },
  ];
  assert.equal(
    String(markAbbreviations('DfE tables, W2i sessions and PP+ funding; Ofsted; DfEs', mixed)),
    '<abbr title="Department for Education">DfE</abbr> tables, <abbr title="Welcome to independence">W2i</abbr> sessions and <abbr title="Pupil Premium Plus">PP+</abbr> funding; Ofsted; <abbr title="Department for Education">DfE</abbr>s',
  );
  assert.equal(String(markAbbreviations('Each IRO & the Corporate parent', terms)), 'Each <abbr title="Independent reviewing officer">IRO</abbr> &amp; the Corporate parent');
  assert.equal(String(markAbbreviations('<script>', undefined)), '&lt;script&gt;');
});

test('plural counts with the right word', () => {
  assert.equal(plural(1, 'action'), '1 action');
  assert.equal(plural(3, 'action'), '3 actions');
  assert.equal(plural(0, 'child', 'children'), '0 children');
});

test('read form gives the value, or the first error for each field linking to it', () => {
  const schema = z.object({ reason: z.string().trim().min(1, 'Enter a reason'), status: z.enum(['R', 'A', 'G'], { message: 'Choose a status' }) });
  const ok = readForm(schema, { _csrf: 'x', reason: ' Panel moved ', status: 'A' });
  assert.deepEqual(ok, { ok: true, value: { reason: 'Panel moved', status: 'A' } });
  const bad = readForm(schema, { _csrf: 'x', reason: '', status: 'Q' });
  assert.deepEqual(bad, {
    ok: false,
    errors: [
      { field: 'reason', href: '#reason', text: 'Enter a reason' },
      { field: 'status', href: '#status', text: 'Choose a status' },
    ],
    values: { reason: '', status: 'Q' },
  });
});
