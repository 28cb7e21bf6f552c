// Every audit event named anywhere in the code is one of the labelled events (the type checks the writes; this catches names in text).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { auditEventLabels, isAuditEvent } from '../../src/domain/audit-events.ts';

const SRC = new URL('../../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

// An event is "thing.what-happened": it starts with a thing the trail records and ends in a past
// participle or "set"; column references such as 'action.id' do not.
const things = [...new Set(Object.keys(auditEventLabels).map((e) => e.split('.')[0]!))].join('|');
const EVENT_SHAPE = new RegExp(`'((?:${things})\\.[a-z0-9_.-]*(?:ed|set))'`, 'g');

test('scan source for audit event names finds only labelled events', () => {
  const unlabelled = sourceFiles(SRC).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(EVENT_SHAPE)].map((m) => m[1]!).filter((name) => !isAuditEvent(name)).map((name) => `${path.relative(SRC, file)}: ${name}`),
  );
  assert.deepEqual(unlabelled, []);
});

test('scan source for audit event names finds the events the services write', () => {
  const named = new Set(sourceFiles(path.join(SRC, 'services')).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(EVENT_SHAPE)].map((m) => m[1]!)));
  assert.equal(named.has('action.deadline.request.approved'), true);
  assert.equal(named.has('ssda903.la-code-set'), true);
  assert.equal(named.has('measure.values-imported'), true);
});
