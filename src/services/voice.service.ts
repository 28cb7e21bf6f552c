// Use cases for voice of the child: the young people's councils' priorities and "you said, we did".
import { isIsoDate } from '../domain/dates.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { voiceItemSchema, type VoiceItemInput } from '../domain/plan-document.ts';
import { parseInput } from '../domain/validation.ts';
import type { Repositories, Store } from '../repositories/store.ts';
import { actionIdsForKeys } from './action-keys.ts';
import { staleError } from './stale-write.ts';
import { requireCapability, todayFor, type Ctx } from './context.ts';

export interface VoiceView {
  id: number;
  council: string;
  priority: string;
  youSaid: string;
  weDid: string;
  raisedBy: string;
  raisedOn: string;
  status: string;
  answeredOn: string | null;
  /** What was done, each on its day with its evidence, oldest first. */
  responses: { id: number; respondedOn: string; weDid: string; evidence: string; recordedBy: string }[];
  actions: string[];
  version: number;
}

/** The young people's priorities with their responses and linked actions, read through the given repositories. */
export async function listVoice(repos: Repositories, ctx: Ctx): Promise<VoiceView[]> {
  const items = await repos.voice.list(ctx.organisationId);
  const ids = items.map((i) => i.id);
  const [links, responses] = await Promise.all([repos.voice.links({ voiceItemIds: ids }), repos.voice.responses(ids)]);
  return items.map((v) => ({
    id: v.id,
    council: v.council,
    priority: v.priority,
    youSaid: v.youSaid,
    weDid: v.weDid,
    raisedBy: v.raisedBy,
    raisedOn: v.raisedOn,
    status: v.status,
    answeredOn: v.answeredOn,
    responses: responses
      .filter((r) => r.voiceItemId === v.id)
      .map((r) => ({ id: r.id, respondedOn: r.respondedOn, weDid: r.weDid, evidence: r.evidence, recordedBy: r.recordedBy })),
    actions: links.filter((l) => l.voiceItemId === v.id).map((l) => `${l.planSlug}:${l.number}`),
    version: v.version,
  }));
}

export class VoiceService {
  constructor(private readonly store: Store) {}

  list(ctx: Ctx): Promise<VoiceView[]> {
    return listVoice(this.store.read, ctx);
  }

  /** Records what was done in answer ("we did") and the item's status, unless someone else got there first. */
  async respond(ctx: Ctx, id: number, input: { weDid: string; status: 'open' | 'in-progress' | 'done'; expectedVersion: number }): Promise<void> {
    requireCapability(ctx, 'voice.respond', "respond to the young people's priorities");
    if (!['open', 'in-progress', 'done'].includes(input.status)) throw new ValidationError('status must be open, in-progress or done', 'status');
    await this.store.transaction(async (repos) => {
      const item = await repos.voice.lock(ctx.organisationId, id);
      if (!item) throw new NotFoundError(`There is no voice of the child item ${id}.`);
      const updated = await repos.voice.update(id, input.expectedVersion, { weDid: input.weDid.trim(), status: input.status });
      if (!updated) throw await staleError(repos, 'voice_item', id, `"${item.priority}"`, input.expectedVersion, item.version);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'voice.responded',
        entityType: 'voice_item',
        entityId: id,
        entityKey: null,
        before: { priority: item.priority, weDid: item.weDid, status: item.status },
        after: { priority: item.priority, weDid: updated.weDid, status: updated.status },
      });
    });
  }

  async add(ctx: Ctx, raw: VoiceItemInput): Promise<{ id: number }> {
    requireCapability(ctx, 'voice.respond', "record the young people's priorities");
    return this.store.transaction((repos) => addVoiceItem(repos, ctx, raw));
  }

  /** One item by its id. */
  async get(ctx: Ctx, id: number): Promise<VoiceView> {
    const item = (await this.list(ctx)).find((v) => v.id === id);
    if (!item) throw new NotFoundError(`There is no young people's priority ${id}.`);
    return item;
  }

  /** Adds a dated "we did" response with its evidence; an open priority becomes in progress. */
  async addResponse(ctx: Ctx, id: number, expectedVersion: number, input: { respondedOn: string; weDid: string; evidence: string }): Promise<void> {
    requireCapability(ctx, 'voice.respond', "respond to the young people's priorities");
    if (!isIsoDate(input.respondedOn)) throw new ValidationError('Enter the date it was done', 'respondedOn');
    if (input.respondedOn > todayFor(ctx)) throw new ValidationError('The date it was done must be today or in the past', 'respondedOn');
    if (input.weDid.trim() === '') throw new ValidationError('Enter what was done', 'weDid');
    await this.store.transaction(async (repos) => {
      const item = await lockItem(repos, ctx, id);
      if (input.respondedOn < item.raisedOn) throw new ValidationError(`The date it was done must be on or after the day it was raised, ${item.raisedOn}`, 'respondedOn');
      const status = item.status === 'open' ? 'in-progress' : item.status;
      const updated = await repos.voice.update(id, expectedVersion, { status });
      if (!updated) throw await staleError(repos, 'voice_item', id, `"${item.priority}"`, expectedVersion, item.version);
      const row = await repos.voice.insertResponse({ voiceItemId: id, respondedOn: input.respondedOn, weDid: input.weDid.trim(), evidence: input.evidence.trim(), recordedBy: ctx.actor });
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'voice.response.added',
        entityType: 'voice_item',
        entityId: id,
        entityKey: null,
        before: { priority: item.priority, status: item.status },
        after: { priority: item.priority, date: row.respondedOn, weDid: row.weDid, evidence: row.evidence, status },
      });
    });
  }

  /** Makes the actions answering the item exactly these (keys written plan-slug:number). */
  async setActions(ctx: Ctx, id: number, expectedVersion: number, keys: string[]): Promise<void> {
    requireCapability(ctx, 'voice.respond', "link actions to the young people's priorities");
    await this.store.transaction(async (repos) => {
      const item = await lockItem(repos, ctx, id);
      const before = (await repos.voice.links({ voiceItemIds: [id] })).map((l) => `${l.planSlug}:${l.number}`);
      const ids = await actionIdsForKeys(repos, ctx, keys, 'actions');
      const updated = await repos.voice.update(id, expectedVersion, {});
      if (!updated) throw await staleError(repos, 'voice_item', id, `"${item.priority}"`, expectedVersion, item.version);
      await repos.voice.setActions(id, ids);
      const after = (await repos.voice.links({ voiceItemIds: [id] })).map((l) => `${l.planSlug}:${l.number}`);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'voice.actions.set',
        entityType: 'voice_item',
        entityId: id,
        entityKey: null,
        before: { priority: item.priority, actions: before },
        after: { priority: item.priority, actions: after },
      });
    });
  }

  /** Marks the item answered on a day: the young people have been told what was done. */
  async markAnswered(ctx: Ctx, id: number, expectedVersion: number, input: { answeredOn: string }): Promise<void> {
    requireCapability(ctx, 'voice.respond', "mark the young people's priorities answered");
    if (!isIsoDate(input.answeredOn)) throw new ValidationError('Enter the date it was answered', 'answeredOn');
    if (input.answeredOn > todayFor(ctx)) throw new ValidationError('The date it was answered must be today or in the past', 'answeredOn');
    await this.store.transaction(async (repos) => {
      const item = await lockItem(repos, ctx, id);
      if (item.status === 'done' && item.version === expectedVersion) throw new ValidationError('This priority is already marked answered', 'answeredOn');
      if (input.answeredOn < item.raisedOn) throw new ValidationError(`The date it was answered must be on or after the day it was raised, ${item.raisedOn}`, 'answeredOn');
      const updated = await repos.voice.update(id, expectedVersion, { status: 'done', answeredOn: input.answeredOn });
      if (!updated) throw await staleError(repos, 'voice_item', id, `"${item.priority}"`, expectedVersion, item.version);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'voice.answered',
        entityType: 'voice_item',
        entityId: id,
        entityKey: null,
        before: { priority: item.priority, status: item.status },
        after: { priority: item.priority, status: 'done', date: input.answeredOn },
      });
    });
  }
}

async function lockItem(repos: Repositories, ctx: Ctx, id: number) {
  const item = await repos.voice.lock(ctx.organisationId, id);
  if (!item) throw new NotFoundError(`There is no young people's priority ${id}.`);
  return item;
}

/** Adds one item inside the caller's transaction, linking it to the actions it names. */
export async function addVoiceItem(repos: Repositories, ctx: Ctx, raw: VoiceItemInput): Promise<{ id: number }> {
  const v = parseInput(voiceItemSchema, raw);
  const actionIds = await actionIdsForKeys(repos, ctx, v.actions, 'actions');
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
  return { id: row.id };
}
