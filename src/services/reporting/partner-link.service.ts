// Partner links: an owner without an account opens a link (single use, expiring, revocable) to a form
// for exactly the actions they were asked about, and records their updates, proposed statuses and
// deadline requests under their name, with their e-mail address and "via link" in the audit trail.
import { bragSchema, type Brag } from '../../domain/brag.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { periodDescription, type ReportingFrequency } from '../../domain/reporting-periods.ts';
import { updateDateProblem } from '../../domain/update-date.ts';
import type { PartnerLink } from '../../repositories/round.repository.ts';
import type { Store } from '../../repositories/store.ts';
import type { ActionService } from '../actions/index.ts';
import { nowFor, requireCapability, todayFor, type Ctx } from '../context.ts';
import { hashPartnerToken } from './partner-tokens.ts';

export type LinkRefusal = 'unknown' | 'used' | 'expired' | 'revoked' | 'nothing-asked';

/** Why a link opens nothing, in words for its page. */
export const linkRefusalWords: Record<LinkRefusal, string> = {
  unknown: 'This link does not work. Check that you copied the whole link from the e-mail, or ask the partnership manager for a new one.',
  used: 'This link has already been used to send your updates, and works only once. Ask the partnership manager for a new link if you need to add more.',
  expired: 'This link has expired. Ask the partnership manager for a new one.',
  revoked: 'This link has been withdrawn. Ask the partnership manager for a new one.',
  'nothing-asked': 'Every update this link asked for has already arrived. Thank you.',
};

export class PartnerLinkRefused extends Error {
  override name = 'PartnerLinkRefused';
  constructor(readonly reason: LinkRefusal) {
    super(linkRefusalWords[reason]);
  }
}

export interface PartnerForm {
  ownerName: string;
  authority: string;
  period: string;
  dueDate: string;
  expiresAt: Date;
  actions: { key: string; planTitle: string; number: string; title: string; deadline: string | null; status: string | null }[];
}

export interface PartnerEntry {
  key: string;
  /** Left empty, the action is passed over. */
  body: string;
  date: string;
  status?: Brag | '' | undefined;
  reason?: string | undefined;
  deadline?: string | undefined;
  deadlineReason?: string | undefined;
}

export class PartnerLinkService {
  constructor(
    private readonly store: Store,
    private readonly actions: ActionService,
  ) {}

  private async open(token: string, ctxClock: Ctx): Promise<{ link: PartnerLink; form: PartnerForm; organisationId: number }> {
    const repos = this.store.read;
    const link = await repos.rounds.linkByHash(hashPartnerToken(token));
    if (!link) throw new PartnerLinkRefused('unknown');
    if (link.revokedAt !== null) throw new PartnerLinkRefused('revoked');
    if (link.usedAt !== null) throw new PartnerLinkRefused('used');
    if (link.expiresAt.getTime() <= nowFor(ctxClock).getTime()) throw new PartnerLinkRefused('expired');
    const requests = (await repos.rounds.requests(link.roundId)).filter((r) => r.ownerName.toLowerCase() === link.ownerName.toLowerCase() && r.receivedAt === null);
    if (requests.length === 0) throw new PartnerLinkRefused('nothing-asked');
    const orgRound = await repos.rounds.roundById(link.roundId);
    if (!orgRound) throw new PartnerLinkRefused('unknown');
    const org = (await repos.organisations.list()).find((o) => o.id === orgRound.organisationId);
    const facts = await repos.actions.facts(requests.map((r) => r.actionId));
    return {
      link,
      organisationId: orgRound.organisationId,
      form: {
        ownerName: link.ownerName,
        authority: org?.name ?? '',
        period: periodDescription({ frequency: orgRound.frequency as ReportingFrequency, label: orgRound.period, start: orgRound.periodStart, end: orgRound.periodEnd }),
        dueDate: orgRound.dueDate,
        expiresAt: link.expiresAt,
        actions: requests.map((r) => ({ key: `${r.planSlug}:${r.number}`, planTitle: r.planTitle, number: r.number, title: r.title, deadline: facts.get(r.actionId)?.deadline ?? null, status: facts.get(r.actionId)?.status ?? null })),
      },
    };
  }

  /** The form a link opens; refused (PartnerLinkRefused) when the link is unknown, used, expired or revoked. */
  async form(clockCtx: Pick<Ctx, 'clock'>, token: string): Promise<PartnerForm> {
    return (await this.open(token, { organisationId: 0, actor: '', ...clockCtx })).form;
  }

  /**
   * Records what the owner wrote. Every entry is checked before anything is written; then the link is
   * used up (once only, even with two submissions at the same moment) and each update recorded as the
   * owner, via the link. An entry with no update is passed over; at least one is needed.
   */
  async submit(clockCtx: Pick<Ctx, 'clock'>, token: string, entries: PartnerEntry[]): Promise<{ recorded: string[] }> {
    const { link, form, organisationId } = await this.open(token, { organisationId: 0, actor: '', ...clockCtx });
    const allowed = new Set(form.actions.map((a) => a.key));
    const today = todayFor({ organisationId, actor: '', ...clockCtx });
    const chosen = entries.filter((e) => e.body.trim() !== '' || (e.status ?? '') !== '' || (e.deadline ?? '').trim() !== '');
    if (chosen.length === 0) throw new ValidationError('Write an update for at least one action', `body-${form.actions[0]?.key ?? ''}`);
    for (const e of chosen) {
      if (!allowed.has(e.key)) throw new ValidationError(`This link does not ask about ${e.key}`, `body-${e.key}`);
      if (e.body.trim() === '') throw new ValidationError(`Write the update for ${e.key}`, `body-${e.key}`);
      const problem = updateDateProblem(e.date, today);
      if (problem !== undefined) throw new ValidationError(`${e.key}: ${problem}`, `date-${e.key}`);
      if ((e.status ?? '') !== '' && !bragSchema.safeParse(e.status).success) throw new ValidationError(`${e.key}: choose Blue, Red, Amber or Green`, `status-${e.key}`);
      const deadline = (e.deadline ?? '').trim();
      if (deadline !== '' && !isIsoDate(deadline)) throw new ValidationError(`${e.key}: the deadline you ask for must be a real date`, `deadline-${e.key}`);
      if (deadline !== '' && (e.deadlineReason ?? '').trim() === '') throw new ValidationError(`${e.key}: give the reason the deadline needs to move`, `deadlineReason-${e.key}`);
    }
    // Used up first: a second submission of the same link at the same moment finds it used and changes nothing.
    const claimed = await this.store.transaction(async (t) => {
      const locked = await t.rounds.linkByHashForUpdate(link.tokenHash);
      if (!locked || locked.usedAt !== null || locked.revokedAt !== null) return false;
      return t.rounds.markLinkUsed(locked.id);
    });
    if (!claimed) throw new PartnerLinkRefused('used');
    const ctx: Ctx = { organisationId, actor: link.ownerName, role: 'owner', viaLink: { email: link.email }, ...clockCtx };
    const recorded: string[] = [];
    try {
      for (const e of chosen) {
        const status = (e.status ?? '') === '' ? undefined : (e.status as Brag);
        await this.actions.recordProgress(ctx, e.key, { date: e.date, body: e.body, status: status === undefined ? undefined : { status, reason: e.reason, propose: true } });
        const deadline = (e.deadline ?? '').trim();
        if (deadline !== '') await this.actions.requestDeadline(ctx, e.key, { dueDate: deadline, reason: e.deadlineReason ?? '' });
        recorded.push(e.key);
      }
    } catch (err) {
      // What was recorded stays recorded (each is its own change, audited); the link opens again for the rest.
      if (recorded.length === 0) await this.store.transaction((t) => t.rounds.unuseLink(link.id));
      throw err;
    }
    await this.store.transaction((t) =>
      t.audit.record({ organisationId, actor: `${link.ownerName} <${link.email}> via link`, event: 'round.link.used', entityType: 'round', entityId: link.roundId, entityKey: null, before: null, after: { linkId: link.id, actions: recorded } }),
    );
    return { recorded };
  }

  /** Gives an owner without an account an e-mail address for a round and sends them a new link now. */
  async sendLink(ctx: Ctx, roundId: number, ownerName: string, email: string): Promise<void> {
    requireCapability(ctx, 'rounds.manage', 'send partner links');
    const address = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw new ValidationError('Enter an e-mail address in the correct format, like name@example.org', 'email');
    await this.store.transaction(async (t) => {
      const round = await t.rounds.find(ctx.organisationId, roundId);
      if (!round) throw new NotFoundError(`There is no reporting round ${roundId}.`);
      const changed = await t.rounds.setOwnerEmail(round.id, ownerName, address);
      if (changed === 0) throw new ValidationError(`${ownerName} has not been asked for an update in ${round.period}`, 'owner');
      await t.rounds.schedule([{ roundId: round.id, ownerName, kind: 'manual', sendOn: todayFor(ctx), createdBy: ctx.actor }]);
      await t.audit.record({ organisationId: ctx.organisationId, actor: ctx.actor, event: 'round.reminder.scheduled', entityType: 'round', entityId: round.id, entityKey: round.period, before: null, after: { owners: [ownerName], email: address } });
    });
  }

  /** Withdraws a link: it opens nothing from now on. */
  async revoke(ctx: Ctx, roundId: number, linkId: number): Promise<void> {
    requireCapability(ctx, 'rounds.manage', 'withdraw partner links');
    await this.store.transaction(async (t) => {
      const round = await t.rounds.find(ctx.organisationId, roundId);
      if (!round) throw new NotFoundError(`There is no reporting round ${roundId}.`);
      const revoked = await t.rounds.revokeLinks(round.id, ctx.actor, { id: linkId });
      if (revoked.length === 0) throw new ValidationError('That link is already used, withdrawn or unknown', 'link');
      await t.audit.record({ organisationId: ctx.organisationId, actor: ctx.actor, event: 'round.link.revoked', entityType: 'round', entityId: round.id, entityKey: round.period, before: null, after: { linkId, owner: revoked[0]!.ownerName } });
    });
  }
}
