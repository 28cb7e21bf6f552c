// The role matrix at the service level: each role against each write, allowed (and audited) or
// refused with ForbiddenError and nothing changed. One test per role and write, named for both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForbiddenError } from '../../src/domain/errors.ts';
import { roles, type Role } from '../../src/domain/roles.ts';
import type { Services } from '../../src/composition.ts';
import type { Ctx } from '../../src/services/context.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { as, ledPlanFixture } from '../helpers/people.ts';
import { planFixture } from '../helpers/plan-fixture.ts';

// Every test starts from the plan imported (once, and put back before each test).
const t = useTestDatabase('Command Line', async (db, ctx) => {
  await db.services.plans.importDocument(ctx, ledPlanFixture());
});

interface Write {
  /** What is attempted, as a test name reads it. */
  name: string;
  /** Made by the command line before counting, e.g. a proposal to decide. */
  setup?: (s: Services, cli: Ctx) => Promise<void>;
  run: (s: Services, ctx: Ctx) => Promise<unknown>;
  allowed: readonly Role[];
}

const managers = ['admin', 'manager'] as const;

const writes: Write[] = [
  { name: 'create plan', run: (s, c) => s.plans.create(c, { slug: 'new-plan', title: 'New plan', kind: 'improvement' }), allowed: managers },
  { name: 'import plan', run: (s, c) => s.plans.importDocument(c, planFixture('other-plan')), allowed: managers },
  { name: 'add node', run: (s, c) => s.plans.addNode(c, 'test-plan', { kind: 'theme', number: '3', title: 'Health' }), allowed: managers },
  {
    name: 'edit node',
    run: async (s, c) => {
      const node = (await s.plans.tree(c, 'test-plan')).nodes[1]!;
      return s.plans.editNode(c, 'test-plan', node.id, 1, { kind: 'theme', number: '2', title: 'Leaving care' });
    },
    allowed: managers,
  },
  {
    name: 'create action',
    run: async (s, c) => {
      const node = (await s.plans.tree(c, 'test-plan')).nodes[1]!;
      return s.actions.create(c, 'test-plan', { nodeId: node.id, number: '3', title: 'Open a drop-in', owners: [{ name: 'Jo Example' }] });
    },
    allowed: managers,
  },
  { name: 'edit action', run: (s, c) => s.actions.edit(c, 'test-plan:1', { expectedVersion: 1, title: 'Recruit 20 foster carers' }), allowed: managers },
  { name: 'set cross-references', run: (s, c) => s.actions.setRefs(c, 'test-plan:1', [{ kind: 'tag', value: 'fostering' }]), allowed: managers },
  { name: 'revise deadline', run: (s, c) => s.actions.reviseDeadline(c, 'test-plan:1', { date: '2018-12-31', reason: 'Later' }), allowed: managers },
  {
    name: "set status in the lead's programme",
    run: (s, c) => s.actions.setStatus(c, 'test-plan:1', { status: 'R', asAt: '2018-06-30', reason: 'Slipping' }),
    allowed: [...managers, 'lead'],
  },
  {
    name: "set status outside the lead's programme",
    run: (s, c) => s.actions.setStatus(c, 'test-plan:2', { status: 'R', asAt: '2018-06-30', reason: 'Slipping' }),
    allowed: managers,
  },
  {
    name: "add update to the owner's own action",
    run: (s, c) => s.actions.addUpdate(c, 'test-plan:1', { date: '2018-06-30', body: 'Two enquiries.' }),
    allowed: [...managers, 'lead', 'owner'],
  },
  {
    name: "add update to someone else's action",
    run: (s, c) => s.actions.addUpdate(c, 'test-plan:2', { date: '2018-06-30', body: 'Two advisers.' }),
    allowed: managers,
  },
  {
    name: "propose status for the owner's own action",
    run: (s, c) => s.actions.proposeStatus(c, 'test-plan:1', { status: 'R', reason: 'Slipping' }),
    allowed: [...managers, 'lead', 'owner'],
  },
  {
    name: "propose status for someone else's action",
    run: (s, c) => s.actions.proposeStatus(c, 'test-plan:2', { status: 'A', reason: 'Slipping' }),
    allowed: managers,
  },
  {
    name: "decide proposal in the lead's programme",
    setup: async (s, cli) => void (await s.actions.proposeStatus(cli, 'test-plan:1', { status: 'R', reason: 'Slipping' })),
    run: (s, c) => s.actions.decideProposal(c, 'test-plan:1', { decision: 'approve', reason: '' }),
    allowed: [...managers, 'lead'],
  },
  {
    name: "decide proposal outside the lead's programme",
    setup: async (s, cli) => void (await s.actions.proposeStatus(cli, 'test-plan:2', { status: 'A', reason: 'Slipping' })),
    run: (s, c) => s.actions.decideProposal(c, 'test-plan:2', { decision: 'reject', reason: 'Not yet' }),
    allowed: managers,
  },
  {
    name: "request deadline for the owner's own action",
    run: (s, c) => s.actions.requestDeadline(c, 'test-plan:1', { dueDate: '2018-12-31', reason: 'Recruitment delayed' }),
    allowed: [...managers, 'lead', 'owner'],
  },
  {
    name: "decide deadline request in the lead's programme",
    setup: async (s, cli) => void (await s.actions.requestDeadline(cli, 'test-plan:1', { dueDate: '2018-12-31', reason: 'Recruitment delayed' })),
    run: (s, c) => s.actions.decideDeadlineRequest(c, 'test-plan:1', { decision: 'approve', reason: '' }),
    allowed: [...managers, 'lead'],
  },
  {
    name: "re-score a risk in the lead's programme",
    run: (s, c) => s.risks.rescore(c, { plan: 'test-plan', reference: 'R1', likelihood: 3, impact: 4, note: 'Campaign under way' }),
    allowed: [...managers, 'lead'],
  },
  {
    name: "add a young people's priority",
    run: (s, c) =>
      s.voice.add(c, { council: 'Children in Care Council', priority: 'More say in reviews', youSaid: 'We want to chair our reviews', raisedBy: 'CiCC', raisedOn: '2018-05-01' }),
    allowed: managers,
  },
  {
    name: "respond to a young people's priority",
    setup: async (s, cli) => {
      await s.voice.add(cli, { council: 'Children in Care Council', priority: 'More carers nearby', youSaid: 'Keep us near school', raisedBy: 'CiCC', raisedOn: '2018-05-01' });
    },
    run: async (s, c) => {
      const [item] = await s.voice.list(c);
      return s.voice.respond(c, item!.id, { weDid: 'Recruitment campaign', status: 'in-progress', expectedVersion: item!.version });
    },
    allowed: managers,
  },
  {
    name: 'add a risk',
    run: (s, c) =>
      s.risks.add(c, {
        plan: 'test-plan',
        reference: 'R2',
        title: 'Court delays',
        impact: '',
        mitigation: '',
        owner: 'Head of Legal',
        reviewDate: null,
        actions: [],
        measures: [],
        score: { likelihood: 3, impact: 3, assessedOn: '2018-05-01', note: '' },
      }),
    allowed: managers,
  },
  { name: 'close a risk', run: (s, c) => s.risks.close(c, 1, 1, { closedOn: '2018-06-30', reason: 'Passed' }), allowed: managers },
  {
    name: "re-score a risk by its id in the lead's programme",
    run: (s, c) => s.risks.rescoreById(c, 1, 1, { likelihood: 2, impact: 4, assessedOn: '2018-06-30', note: 'Campaign under way' }),
    allowed: [...managers, 'lead'],
  },
  {
    name: "add a \"we did\" response to a young people's priority",
    setup: async (s, cli) => {
      await s.voice.add(cli, { council: 'Children in Care Council', priority: 'Bags', youSaid: 'Not bin bags', raisedBy: 'CiCC', raisedOn: '2018-05-01' });
    },
    run: (s, c) => s.voice.addResponse(c, 1, 1, { respondedOn: '2018-06-01', weDid: 'Holdalls for all', evidence: '' }),
    allowed: managers,
  },
  {
    name: "mark a young people's priority answered",
    setup: async (s, cli) => {
      await s.voice.add(cli, { council: 'Children in Care Council', priority: 'Bags', youSaid: 'Not bin bags', raisedBy: 'CiCC', raisedOn: '2018-05-01' });
    },
    run: (s, c) => s.voice.markAnswered(c, 1, 1, { answeredOn: '2018-06-01' }),
    allowed: managers,
  },
  { name: 'add a glossary term', run: (s, c) => s.glossary.add(c, { term: 'PEP', expansion: 'personal education plan', definition: '' }), allowed: managers },
  {
    name: 'retire a glossary term',
    setup: async (s, cli) => {
      await s.glossary.add(cli, { term: 'PEP', expansion: 'personal education plan', definition: '' });
    },
    run: (s, c) => s.glossary.retire(c, 1, 1),
    allowed: managers,
  },
];

for (const w of writes) {
  for (const role of roles) {
    const allowed = w.allowed.includes(role);
    test(`${w.name} as ${role} is ${allowed ? 'allowed and audited' : 'refused and changes nothing'}`, async () => {
      await w.setup?.(t.db.services, t.ctx);
      const before = await t.db.counts();
      const ctx = as(t.ctx, role);
      if (allowed) {
        await w.run(t.db.services, ctx);
        const after = await t.db.counts();
        assert.ok(after.audit_event! > before.audit_event!, 'an audit event is written');
        const [event] = await t.db.services.audit.list(t.ctx);
        assert.equal(event!.actor, ctx.actor);
      } else {
        await assert.rejects(w.run(t.db.services, ctx), (e: unknown) => e instanceof ForbiddenError && /Your role does not allow you to/.test(e.message));
        assert.deepEqual(await t.db.counts(), before);
      }
    });
  }
}

for (const role of roles) {
  const allowed = role === 'admin';
  test(`read the audit log as ${role} is ${allowed ? 'allowed' : 'refused'}`, async () => {
    const read = t.db.services.audit.list(as(t.ctx, role));
    if (allowed) assert.ok((await read).length > 0);
    else await assert.rejects(read, ForbiddenError);
  });

  test(`read plans, actions, risks, voice and glossary as ${role} is allowed`, async () => {
    const ctx = as(t.ctx, role);
    assert.equal((await t.db.services.plans.list(ctx)).length, 1);
    assert.equal((await t.db.services.plans.tree(ctx, 'test-plan')).nodes.length, 2);
    assert.equal((await t.db.services.actions.list(ctx)).length, 3);
    assert.equal((await t.db.services.actions.show(ctx, 'test-plan:1')).key, 'test-plan:1');
    assert.equal((await t.db.services.risks.list(ctx)).length, 1);
    assert.deepEqual(await t.db.services.voice.list(ctx), []);
    assert.deepEqual(await t.db.services.glossary.list(ctx), []);
  });
}

test('set status as a lead named only in part of the programme lead field is allowed', async () => {
  // The lead field reads "Lee Lead, Head of Placements": the name within it is enough.
  const a = await t.db.services.actions.setStatus(as(t.ctx, 'lead', 'lee lead'), 'test-plan:1.1', { status: 'G', asAt: '2018-06-30', reason: 'Dates set' });
  assert.equal(a.status, 'G');
});

test('add update as an owner whose name is only a role title elsewhere is refused', async () => {
  // test-plan:1 is also owned by the role "Head of Placements": a person is matched by name, never by role title.
  await assert.rejects(
    t.db.services.actions.addUpdate(as(t.ctx, 'owner', 'Head of Placements'), 'test-plan:1', { date: '2018-06-30', body: 'x' }),
    ForbiddenError,
  );
});
