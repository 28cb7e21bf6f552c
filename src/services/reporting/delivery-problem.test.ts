// The chase list's word on an owner's messages: the last failure shows until a later message reaches
// the owner, whether the channel said it went (SMTP) or GOV.UK Notify later reported it delivered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deliveryProblem, type ReminderView } from './round.service.ts';

const reminder = (status: string, lastError: string | null = null): ReminderView => ({
  id: 1,
  kind: 'overdue',
  sendOn: '2018-07-20',
  status,
  attempts: 1,
  channel: 'notify',
  address: 'jo@example.org',
  lastError,
  sentAt: status === 'sent' || status === 'delivered' || status === 'bounced' ? new Date('2018-07-20T09:00:00Z') : null,
});

test('delivery problem shows the last failure until a later message is sent or delivered', () => {
  const bounced = reminder('bounced', 'the address does not exist');
  assert.equal(deliveryProblem([bounced]), 'Bounced: the address does not exist');
  assert.equal(deliveryProblem([bounced, reminder('sent')]), null);
  assert.equal(deliveryProblem([bounced, reminder('delivered')]), null);
  assert.equal(deliveryProblem([reminder('delivered'), reminder('failed', 'no connection')]), 'Failed: no connection');
  assert.equal(deliveryProblem([reminder('scheduled', 'timed out')]), 'Not sent yet, trying again: timed out');
  assert.equal(deliveryProblem([reminder('scheduled')]), null);
});
