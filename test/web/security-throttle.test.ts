// Sign-in attempts arriving all at once are throttled as strictly as attempts one after another.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { THROTTLE } from '../../src/services/account.service.ts';
import { cookieHeader, csrfTokenIn, emailFor, encodeForm, TEST_PASSWORD, useWebTest } from '../helpers/web.ts';

const web = useWebTest();

async function signInForm(): Promise<{ cookie: string; csrfToken: string }> {
  const r = await web.server.inject({ method: 'GET', url: '/sign-in' });
  return { cookie: cookieHeader(r), csrfToken: csrfTokenIn(r.body) ?? '' };
}

function postSignIn(form: { cookie: string; csrfToken: string }, fields: { email: string; password: string }, remoteAddress: string) {
  return web.server.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress,
    headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm({ _csrf: form.csrfToken, ...fields }),
  });
}

const tally = (codes: number[]): Record<number, number> => codes.reduce<Record<number, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});

test('post sign-in sixty times at once for one account checks no more passwords than the limit', async () => {
  const form = await signInForm();
  const attempts = Array.from({ length: 60 }, (_, i) =>
    postSignIn(form, { email: emailFor('owner'), password: i === 44 ? TEST_PASSWORD : `wrong password ${i}` }, `198.51.100.${i + 1}`),
  );
  const counts = tally((await Promise.all(attempts)).map((r) => r.statusCode));
  assert.equal((counts[400] ?? 0) + (counts[303] ?? 0), THROTTLE.perEmail, JSON.stringify(counts));
  assert.equal(counts[429], 60 - THROTTLE.perEmail, JSON.stringify(counts));
  const recorded = await web.db.handle.db.selectFrom('signInAttempt').select('email').where('email', '=', emailFor('owner')).execute();
  assert.ok(recorded.length <= THROTTLE.perEmail, `${recorded.length} attempts recorded`);
});

test('post sign-in 120 times at once from one address checks no more passwords than the address limit', async () => {
  const form = await signInForm();
  const attempts = Array.from({ length: 120 }, (_, i) => postSignIn(form, { email: `nobody${i}@testshire.example`, password: 'wrong password' }, '203.0.113.7'));
  const counts = tally((await Promise.all(attempts)).map((r) => r.statusCode));
  assert.equal(counts[400], THROTTLE.perIp, JSON.stringify(counts));
  assert.equal(counts[429], 120 - THROTTLE.perIp, JSON.stringify(counts));
});

test('post sign-in with the right password after failures below the limit signs in and clears them', async () => {
  const form = await signInForm();
  const failures = await Promise.all(
    Array.from({ length: THROTTLE.perEmail - 1 }, (_, i) => postSignIn(form, { email: emailFor('viewer'), password: `wrong ${i}` }, '192.0.2.1')),
  );
  assert.deepEqual(failures.map((r) => r.statusCode), Array<number>(THROTTLE.perEmail - 1).fill(400));
  const ok = await postSignIn(form, { email: emailFor('viewer'), password: TEST_PASSWORD }, '192.0.2.1');
  assert.equal(ok.statusCode, 303);
  const left = await web.db.handle.db.selectFrom('signInAttempt').select(['succeeded']).where('email', '=', emailFor('viewer')).execute();
  assert.deepEqual(left, [{ succeeded: true }]);
});
