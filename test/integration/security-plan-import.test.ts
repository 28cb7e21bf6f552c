// Plan documents built to break the import (nesting 1,000 deep, NUL bytes) are refused naming the field, changing nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../../src/domain/errors.ts';
import { MAX_DOCUMENT_DEPTH, PLAN_FORMAT } from '../../src/domain/plan-document.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { planFixture } from '../helpers/plan-fixture.ts';

const t = useTestDatabase();

async function rejectsLeavingNothing(doc: unknown, pattern: RegExp): Promise<void> {
  const before = await t.db.counts();
  await assert.rejects(t.db.services.plans.importDocument(t.ctx, doc, { source: 'plan.json' }), (err: unknown) => {
    assert.ok(err instanceof ValidationError, String(err));
    assert.match(err.message, pattern);
    return true;
  });
  assert.deepEqual(await t.db.counts(), before);
}

/** A theme whose first child has a first child… `depth` levels down. */
function nestedNodes(depth: number): unknown {
  let node: Record<string, unknown> = { kind: 'theme', title: 'Deepest', actions: [{ number: '1', title: 'Action', owners: [{ name: 'Ada Example' }] }] };
  for (let i = 0; i < depth; i++) node = { kind: 'theme', title: `Level ${depth - i}`, children: [node] };
  return node;
}

test('import plan nested 1,000 deep is refused naming the path where it goes too deep', async () => {
  const doc = { format: PLAN_FORMAT, formatVersion: 1, plan: { slug: 'deep', title: 'Deep', kind: 'other', nodes: [nestedNodes(1000)] } };
  await rejectsLeavingNothing(doc, new RegExp(`^plan\\.json: plan\\.nodes\\[0\\](\\.children(\\[0\\])?)+: nested more than ${MAX_DOCUMENT_DEPTH} levels deep`));
});

test('import plan nested as deep as a real plan is accepted', async () => {
  const doc = { format: PLAN_FORMAT, formatVersion: 1, plan: { slug: 'deep-enough', title: 'Deep enough', kind: 'other', nodes: [nestedNodes(10)] } };
  const r = await t.db.services.plans.importDocument(t.ctx, doc);
  assert.equal(r.actions, 1);
});

test('import plan with a NUL byte in an action title is refused naming the field', async () => {
  const doc = structuredClone(planFixture());
  doc.plan.nodes![1]!.actions![0]!.title = 'Before\u0000after';
  await rejectsLeavingNothing(doc, /^plan\.json: plan\.nodes\[1\]\.actions\[0\]\.title: contains a NUL character \(byte 0x00\)/);
});

test('import plan with a NUL byte in an update body is refused naming the field', async () => {
  const doc = structuredClone(planFixture());
  doc.plan.nodes![1]!.actions![0]!.updates = [{ date: '2018-05-01', author: 'Ada Example', body: 'Line\u0000' }];
  await rejectsLeavingNothing(doc, /^plan\.json: plan\.nodes\[1\]\.actions\[0\]\.updates\[0\]\.body: contains a NUL character/);
});
