// Configuration from the environment: PARENTIS_TODAY, demonstration mode (PARENTIS_DEMO and NODE_ENV), the address the server listens on and the identity provider (OIDC_*).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listenHost, loadConfig } from './config.ts';

test('load config with PARENTIS_TODAY takes that date as today', () => {
  assert.equal(loadConfig({ PARENTIS_TODAY: '2018-04-30' }).today, '2018-04-30');
});

test('load config without PARENTIS_TODAY leaves today to the clock', () => {
  assert.equal(loadConfig({}).today, undefined);
  assert.equal(loadConfig({ PARENTIS_TODAY: '' }).today, undefined);
});

test('load config with an impossible PARENTIS_TODAY names the setting', () => {
  assert.throws(() => loadConfig({ PARENTIS_TODAY: '2018-02-30' }), /Configuration error in PARENTIS_TODAY: must be a date written yyyy-mm-dd/);
  assert.throws(() => loadConfig({ PARENTIS_TODAY: '30/04/2018' }), /PARENTIS_TODAY/);
});

test('load config on the embedded database outside production asks for demonstration mode', () => {
  const c = loadConfig({});
  assert.equal(c.demoMode, true);
  assert.equal(c.demoRefusedBy, undefined);
  assert.equal(c.host, undefined);
});

test('load config with a PostgreSQL server asks for demonstration mode only with PARENTIS_DEMO=on', () => {
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://localhost/parentis' }).demoMode, false);
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://localhost/parentis', PARENTIS_DEMO: 'on' }).demoMode, true);
});

test('load config under NODE_ENV=production or PARENTIS_DEMO=off refuses the demonstration and says which', () => {
  const production = loadConfig({ NODE_ENV: 'production' });
  assert.deepEqual([production.demoMode, production.demoRefusedBy], [false, 'NODE_ENV=production']);
  const off = loadConfig({ PARENTIS_DEMO: 'off' });
  assert.deepEqual([off.demoMode, off.demoRefusedBy], [false, 'PARENTIS_DEMO=off']);
});

test('load config with PARENTIS_DEMO=on under NODE_ENV=production or a bad value fails naming the variable', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production', PARENTIS_DEMO: 'on' }), /^Error: Configuration error in PARENTIS_DEMO: demonstration mode \(PARENTIS_DEMO=on\) is refused with NODE_ENV=production$/);
  assert.throws(() => loadConfig({ PARENTIS_DEMO: 'yes' }), /^Error: Configuration error in PARENTIS_DEMO: PARENTIS_DEMO must be on or off$/);
});

test('listen host is 127.0.0.1 for the demonstration and 0.0.0.0 otherwise unless HOST is set', () => {
  assert.equal(listenHost(undefined, true), '127.0.0.1');
  assert.equal(listenHost(undefined, false), '0.0.0.0');
  assert.equal(listenHost('0.0.0.0', true), '0.0.0.0');
  assert.equal(listenHost('::1', false), '::1');
});

test('load config with a notify key but no template ids names the missing settings', () => {
  const key = `parentis-${'1'.repeat(8)}-1111-4111-8111-${'1'.repeat(12)}-${'2'.repeat(8)}-2222-4222-8222-${'2'.repeat(12)}`;
  assert.throws(() => loadConfig({ NOTIFY_API_KEY: key }), /NOTIFY_REQUEST_TEMPLATE_ID and NOTIFY_REMINDER_TEMPLATE_ID/);
});

test('load config with a notify callback token keeps it and refuses one notify would not take', () => {
  assert.equal(loadConfig({ NOTIFY_CALLBACK_TOKEN: 'a-long-random-token-0123456789' }).notifyCallbackToken, 'a-long-random-token-0123456789');
  assert.equal(loadConfig({}).notifyCallbackToken, undefined);
  assert.throws(() => loadConfig({ NOTIFY_CALLBACK_TOKEN: 'short' }), /^Error: Configuration error in NOTIFY_CALLBACK_TOKEN: NOTIFY_CALLBACK_TOKEN must be at least 10 characters/);
  assert.throws(() => loadConfig({ NOTIFY_CALLBACK_TOKEN: 'has spaces in it' }), /NOTIFY_CALLBACK_TOKEN must be letters, digits/);
});

test('load config with smtp and a public address keeps them for the reminders', () => {
  const c = loadConfig({ SMTP_URL: 'smtp://mail.council.example:587', PUBLIC_URL: 'https://parentis.council.example', REMINDER_INTERVAL_SECONDS: '60' });
  assert.deepEqual([c.messaging.smtpUrl, c.publicUrl, c.reminderIntervalSeconds], ['smtp://mail.council.example:587', 'https://parentis.council.example', 60]);
  assert.equal(loadConfig({ PORT: '8080' }).publicUrl, 'http://localhost:8080');
  assert.throws(() => loadConfig({ SMTP_URL: 'mail.council.example' }), /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
});

const OIDC = { OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0', OIDC_CLIENT_ID: 'client' };

test('load config without OIDC_ISSUER has no identity provider', () => {
  assert.equal(loadConfig({}).oidc, undefined);
});

test('load config with OIDC_ISSUER reads the provider with its defaults', () => {
  const oidc = loadConfig(OIDC).oidc;
  assert.equal(oidc?.issuer.href, 'https://login.microsoftonline.com/tenant/v2.0');
  assert.equal(oidc?.scopes, 'openid profile email');
  assert.equal(oidc?.groupsClaim, 'groups');
  assert.deepEqual(oidc?.roleMap, []);
  assert.equal(oidc?.localPasswords, true);
  assert.equal(oidc?.justInTime, false);
  assert.equal(oidc?.allowHttp, false);
});

test('load config with OIDC_ROLE_MAP keeps the pairs in the order written', () => {
  const oidc = loadConfig({ ...OIDC, OIDC_ROLE_MAP: 'Parentis.Admin=admin, Parentis.Board = Viewer', OIDC_JIT: 'on', OIDC_LOCAL_PASSWORDS: 'off' }).oidc;
  assert.deepEqual(oidc?.roleMap, [
    { value: 'Parentis.Admin', role: 'admin' },
    { value: 'Parentis.Board', role: 'viewer' },
  ]);
  assert.equal(oidc?.justInTime, true);
  assert.equal(oidc?.localPasswords, false);
});

test('load config with a bad identity provider setting names it', () => {
  assert.throws(() => loadConfig({ ...OIDC, OIDC_ROLE_MAP: 'Parentis.Admin=boss' }), /OIDC_ROLE_MAP: "boss" is not a role/);
  assert.throws(() => loadConfig({ ...OIDC, OIDC_ROLE_MAP: 'Parentis.Admin' }), /OIDC_ROLE_MAP: "Parentis.Admin" is not GROUP=ROLE/);
  assert.throws(() => loadConfig({ ...OIDC, OIDC_JIT: 'on' }), /OIDC_JIT=on .* needs OIDC_ROLE_MAP/);
  assert.throws(() => loadConfig({ OIDC_ISSUER: OIDC.OIDC_ISSUER }), /Configuration error in OIDC_CLIENT_ID/);
  assert.throws(() => loadConfig({ OIDC_CLIENT_ID: 'client' }), /OIDC_CLIENT_ID is set, so set OIDC_ISSUER/);
  assert.throws(() => loadConfig({ ...OIDC, OIDC_ISSUER: 'not a url' }), /Configuration error in OIDC_ISSUER/);
});
