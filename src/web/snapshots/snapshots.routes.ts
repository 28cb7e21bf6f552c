// The board's frozen reports: the snapshots taken when rounds closed, one read exactly as it was
// reported (actions by plan and part, updates in the period, programmes, risks, the young people's
// priorities, measures), and what changed between two. Every role reads them: they hold no child's data.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.ts';
import type { SnapshotNode, SnapshotPlan } from '../../domain/snapshot.ts';
import { doneMessage } from '../kit/done.ts';
import { ragBadge } from '../kit/measure-figures.ts';
import { actionPath, roundPath, snapshotChangesPath, snapshotPath, snapshotsPath } from '../kit/paths.ts';
import { queryText } from '../kit/query.ts';
import { textBlocks } from '../../domain/text-blocks.ts';
import type { PageRoutes } from '../routes.ts';

const numberOf = (raw: string, what = 'snapshot'): number => {
  if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError(`There is no ${what} "${raw}".`);
  return Number(raw);
};

const changesQuery = z.object({ since: queryText() });

/** A plan's parts in order, each with its actions, numbered as the plan numbers them. */
function partsOf(plan: SnapshotPlan) {
  const children = (parentId: number | null): SnapshotNode[] => plan.nodes.filter((n) => n.parentId === parentId);
  const out: { heading: string; depth: number; actions: (SnapshotPlan['actions'][number] & { updateBlocks: { date: string; author: string; blocks: ReturnType<typeof textBlocks> }[] })[] }[] = [];
  const walk = (parentId: number | null, depth: number): void => {
    for (const n of children(parentId)) {
      out.push({
        heading: `${n.number} ${n.title}`.trim(),
        depth,
        actions: plan.actions.filter((a) => a.nodeId === n.id).map((a) => ({ ...a, updateBlocks: a.updates.map((u) => ({ date: u.date, author: u.author, blocks: textBlocks(u.body) })) })),
      });
      walk(n.id, depth + 1);
    }
  };
  walk(null, 0);
  return out.filter((p) => p.actions.length > 0 || p.depth === 0);
}

const snapshotsRoutes: PageRoutes = (server) => {
  const { snapshots } = server.services;

  server.get(snapshotsPath, async (request, reply) => {
    const list = await snapshots.list(request.ctx());
    return reply.page('snapshots/snapshots.njk', {
      snapshots: list.map((s, i) => ({ ...s, href: snapshotPath(s.number), changesHref: i < list.length - 1 ? snapshotChangesPath(s.number) : null })),
    });
  });

  server.get<{ Params: { number: string } }>('/snapshots/:number', async (request, reply) => {
    const s = await snapshots.show(request.ctx(), numberOf(request.params.number));
    const c = s.content;
    return reply.page('snapshots/snapshot.njk', {
      s,
      done: doneMessage(request.query),
      roundHref: roundPath(s.roundId),
      changesHref: snapshotChangesPath(s.number),
      actionHref: actionPath,
      plans: c.actions.map((p) => ({ ...p, parts: partsOf(p), count: p.actions.length })),
      programmes: c.programmes,
      risks: c.risks,
      priorities: c.priorities,
      measures: c.measures.map((m) => ({ ...m, badge: ragBadge(m.rag) })),
      updates: c.actions.reduce((n, p) => n + p.actions.reduce((k, a) => k + a.updates.length, 0), 0),
    });
  });

  const showChanges = async (request: FastifyRequest<{ Params: { number: string }; Querystring: unknown }>, reply: FastifyReply) => {
    const number = numberOf(request.params.number);
    const q = changesQuery.safeParse(request.query);
    const sinceText = q.success ? q.data.since : undefined;
    const since = sinceText === undefined ? undefined : numberOf(sinceText);
    const ctx = request.ctx();
    const cmp = await snapshots.changes(ctx, number, since);
    const all = await snapshots.list(ctx);
    return reply.page('snapshots/snapshot-changes.njk', {
      cmp,
      href: snapshotPath(number),
      sinceHref: cmp.since ? snapshotPath(cmp.since.number) : null,
      earlier: all.filter((x) => x.number < number).map((x) => ({ value: String(x.number), text: `${x.number}: ${x.name} (${x.period})`, selected: x.number === cmp.since?.number })),
      ragWord: (r: string | null) => ragBadge(r)?.word ?? 'no RAG',
      actionHref: actionPath,
    });
  };

  server.get<{ Params: { number: string } }>('/snapshots/:number/changes', showChanges);

  return Promise.resolve();
};

export default snapshotsRoutes;
