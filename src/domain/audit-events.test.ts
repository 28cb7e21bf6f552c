// The audit events' words: every event labelled once, distinctly, and stored names from other versions still readable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditEventDeed, auditEventLabel, auditEventLabels, isAuditEvent } from './audit-events.ts';

test('label audit events gives every event its own words', () => {
  const labels = Object.values(auditEventLabels);
  assert.equal(labels.every((l) => l.trim() !== ''), true);
  assert.deepEqual(labels.filter((l, i) => labels.indexOf(l) !== i), []);
});

test('label audit event reads a known event in words', () => {
  assert.equal(auditEventLabel('action.deadline.revised'), 'Deadline revised');
  assert.equal(auditEventLabel('ssda903.imported'), '903 return imported');
});

test('label audit event reads a name this version does not write as its words', () => {
  assert.equal(isAuditEvent('plan.archived-long-ago'), false);
  assert.equal(auditEventLabel('plan.archived-long-ago'), 'Plan archived long ago');
  assert.equal(isAuditEvent('toString'), false);
});

test('deed of an audit event finishes a sentence about who did it', () => {
  assert.equal(auditEventDeed('action.update.added'), 'added a progress update');
  assert.equal(auditEventDeed('plan.imported'), 'plan imported');
});
