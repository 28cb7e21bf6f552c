// Use cases for voice of the child: the young people's councils' priorities and "you said, we did".
import { parseActionKey } from '../domain/action-key.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { voiceItemSchema, type VoiceItemInput } from '../domain/plan-document.ts';
import { parseInput } from '../domain/validation.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { staleError } from './stale-write.ts';
import { requireCapability, type Ctx } from './context.ts';

export interface VoiceView {
  id: number;
  council: string;
  priority: string;
  youSaid: string;
  weDid: string;
  raisedBy: string;
  raisedOn: string;
  status: string;
  actions: string[];
  version: number;
}

export class VoiceService {
  constructor(private readonly store: Store) {}

  async list(ctx: Ctx): Promise<VoiceView[]> {
    const repos = this.store.read;
    const items = await repos.voice.list(ctx.organisationId);
    const links = await repos.voice.links({ voiceItemIds: items.map((i) => i.id) });
    return items.map((v) => ({
      id: v.id,
      council: v.council,
      priority: v.priority,
      youSaid: v.youSaid,
      weDid: v.weDid,
      raisedBy: v.raisedBy,
      raisedOn: v.raisedOn,
      status: v.status,
      actions: links.filter((l) => l.voiceItemId === v.id).map((l) => `${l.planSlug}:${l.number}`),
      version: v.version,
    }));
  }

  /** Records what was done in answer ("we did") and the item's status, unless someone else got there first. */
  async respond(ctx: Ctx, id: number, input: { weDid: string; status: 'open' | 'in-progress' | 'done'; expectedVersion: number }): Promise<void> {
    requireCapability(ctx, 'voice.respond', "respond to the young people's priorities");
    if (!['open', 'in-progress', 'done'].includes(input.status)) throw new ValidationError('status must be open, in-progress or done', 'status');
    await this.store.transaction(async (repos) => {
      const item = await repos.voice.lock(ctx.organisationId, id);
      if (!item) throw new NotFoundError(`There is no voice of the child item ${id}.`);
      const updated = await repos.voice.respond(id, input.expectedVersion, { weDid: input.weDid.trim(), status: input.status });
      if (!updated) throw await staleError(repos, 'voice_item', id, `"${item.priority}"`, input.expectedVersion, item.version);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'voice.responded',
        entityType: 'voice_item',
        entityId: id,
        entityKey: null,
        before: { weDid: item.weDid, status: item.status },
        after: { weDid: updated.weDid, status: updated.status },
      });
    });
  }

  async add(ctx: Ctx, raw: VoiceItemInput): Promise<void> {
    requireCapability(ctx, 'voice.respond', "record the young people's priorities");
    await this.store.transaction((repos) => addVoiceItem(repos, ctx, raw));
  }
}

/** Adds one item inside the caller's transaction, linking it to the actions it names. */
export async function addVoiceItem(repos: Repositories, ctx: Ctx, raw: VoiceItemInput): Promise<void> {
  const v = parseInput(voiceItemSchema, raw);
  const actionIds: number[] = [];
  for (const keyText of v.actions) {
    const key = parseActionKey(keyText);
    const plan = await repos.plans.findBySlug(ctx.organisationId, key.plan);
    const action = plan ? await repos.actions.findByNumber(plan.id, key.number) : undefined;
    if (!action) throw new NotFoundError(`Voice item "${v.priority}" links to ${keyText}, which does not exist.`);
    actionIds.push(action.id);
  }
  const row = await repos.voice.insert({
    organisationId: ctx.organisationId,
    council: v.council,
    priority: v.priority,
    youSaid: v.youSaid,
    weDid: v.weDid,
    raisedBy: v.raisedBy,
    raisedOn: v.raisedOn,
    status: v.status,
  });
  await repos.voice.linkActions(row.id, actionIds);
  await repos.audit.record({
    organisationId: ctx.organisationId,
    actor: ctx.actor,
    event: 'voice.added',
    entityType: 'voice_item',
    entityId: row.id,
    entityKey: null,
    before: null,
    after: v,
  });
}
