// Configuration from the environment: PARENTIS_TODAY pins the date taken as today, or says why it cannot.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from './config.ts';

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
