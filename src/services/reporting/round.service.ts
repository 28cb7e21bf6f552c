// Reporting rounds: a manager opens a round for a period and plans, asking every named owner of an
// open action for an update by a due date; the chase list shows what is received, missing and late,
// with the reminders sent; owners see their own open requests.
import { formatActionKey } from '../../domain/action-key.ts';
import { isSamePerson, topLevelNode } from '../../domain/action-permissions.ts';
import { can } from '../../domain/capabilities.ts';
import { isIsoDate } from '../../domain/dates.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { normaliseReportText, REPORT_TEXT_FIELDS, REPORT_TEXT_KEYS, reportTextOf, type ReportText } from '../../domain/report-text.ts';
import { defaultDueDate, parsePeriod, periodDescription, type ReportingPeriod } from '../../domain/reporting-periods.ts';
import type { ReminderKind } from '../../domain/round-messages.ts';
import { addWorkingDays } from '../../domain/working-days.ts';
import { toCsv } from '../../exports/csv.ts';
import type { OutboxMessage } from '../../repositories/round.repository.ts';
import type { Reminder, RequestRow, Round } from '../../repositories/round.repository.ts';
import type { Repositories, Store } from '../../repositories/store.ts';
import { requireCapability, todayFor, type Ctx } from '../context.ts';
import { requireCurrentVersion } from '../stale-write.ts';

/** Working days before the due date that the first reminder goes, and after it that the chasers go. */
export const REMIND_BEFORE_WORKING_DAYS = 3;
export const CHASE_AFTER_WORKING_DAYS = [3, 8] as const;

export type RequestState = 'received' | 'received-late' | 'missing' | 'late';

export const requestStateLabels: Record<RequestState, string> = {
  received: 'Received',
  'received-late': 'Received late',
  missing: 'Awaited',
  late: 'Late',
};

export interface RoundSummary {
  id: number;
  period: string;
  description: string;
  dueDate: string;
  openedBy: string;
  openedAt: Date;
  plans: { slug: string; title: string }[];
  requests: number;
  received: number;
  outstanding: number;
  late: boolean;
  /** Set once the round is closed: the snapshot it was frozen into. */
  closed: { snapshot: number; name: string; at: Date } | null;
}

export interface ChaseRow {
  requestId: number;
  owner: string;
  email: string | null;
  hasAccount: boolean;
  programme: string;
  planSlug: string;
  planTitle: string;
  actionKey: string;
  title: string;
  state: RequestState;
  receivedAt: Date | null;
  receivedVia: string | null;
}

export interface ReminderView {
  id: number;
  kind: ReminderKind;
  sendOn: string;
  status: string;
  attempts: number;
  channel: string | null;
  address: string | null;
  lastError: string | null;
  sentAt: Date | null;
}

export interface OwnerChase {
  owner: string;
  email: string | null;
  hasAccount: boolean;
  requested: number;
  received: number;
  missing: number;
  late: number;
  /** When the owner was last sent anything for this round, and how that went. */
  lastReminded: Date | null;
  problem: string | null;
  reminders: ReminderView[];
  links: { id: number; email: string; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }[];
}

export interface ChaseList {
  round: RoundSummary;
  today: string;
  rows: ChaseRow[];
  owners: OwnerChase[];
}

export interface OpenRoundInput {
  /** "2026/27 Q3" or "2026/27 M7". */
  period: string;
  /** Plan slugs. */
  plans: string[];
  /** yyyy-mm-dd; ten working days after the period ends unless given. */
  dueDate?: string | undefined;
}

export interface RoundOpened {
  round: RoundSummary;
  created: boolean;
  plansAdded: string[];
  asked: number;
  alreadyAsked: number;
  owners: number;
}

export interface MyRequest {
  roundId: number;
  period: string;
  dueDate: string;
  actionKey: string;
  title: string;
  late: boolean;
}

const stateOf = (r: Pick<RequestRow, 'receivedAt'>, dueDate: string, today: string, receivedOn: (d: Date) => string): RequestState => {
  if (r.receivedAt !== null) return receivedOn(r.receivedAt) > dueDate ? 'received-late' : 'received';
  return today > dueDate ? 'late' : 'missing';
};

const londonDate = (d: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

const periodOfRound = (r: Round): ReportingPeriod => ({ frequency: r.frequency as ReportingPeriod['frequency'], label: r.period, start: r.periodStart, end: r.periodEnd });

/** The schedule for one owner: the request now, a reminder before and on the due date, chasers after it. */
export function reminderSchedule(today: string, dueDate: string, withRequest: boolean): { kind: ReminderKind; sendOn: string }[] {
  const out: { kind: ReminderKind; sendOn: string }[] = withRequest ? [{ kind: 'request', sendOn: today }] : [];
  const before = addWorkingDays(dueDate, -REMIND_BEFORE_WORKING_DAYS);
  if (before > today) out.push({ kind: 'before', sendOn: before });
  if (dueDate > today) out.push({ kind: 'due', sendOn: dueDate });
  for (const n of CHASE_AFTER_WORKING_DAYS) {
    const on = addWorkingDays(dueDate, n);
    if (on > today) out.push({ kind: 'overdue', sendOn: on });
  }
  return out;
}

/**
 * What went wrong with the owner's messages, unless a message sent since reached them: the reminders
 * come in the order the sender takes them (day, then as scheduled), so a failure before a message
 * that went (e.g. no address, then an address given and a link sent, or one GOV.UK Notify has since
 * reported delivered) is over.
 */
export function deliveryProblem(reminders: readonly ReminderView[]): string | null {
  const troubled = (r: ReminderView): boolean => r.status === 'failed' || r.status === 'bounced' || (r.status === 'scheduled' && r.lastError !== null);
  let problem: ReminderView | null = null;
  for (const r of reminders) {
    if (troubled(r)) problem = r;
    else if (r.status === 'sent' || r.status === 'delivered') problem = null;
  }
  if (problem === null) return null;
  return `${problem.status === 'bounced' ? 'Bounced' : problem.status === 'failed' ? 'Failed' : 'Not sent yet, trying again'}: ${problem.lastError ?? ''}`;
}

/**
 * Whether GOV.UK Notify reported the owner's newest message delivered: the last one handed to a
 * channel (sent, failed or bounced), in the order the sender takes them, as deliveryProblem reads them.
 */
export function lastDelivered(reminders: readonly ReminderView[]): boolean {
  return reminders.filter((r) => r.sentAt !== null || r.status === 'bounced' || r.status === 'failed').at(-1)?.status === 'delivered';
}

/** Managers and administrators run rounds; programme leads see them, to decide what they bring in. */
function requireRoundReader(ctx: Ctx): void {
  if (!can(ctx.role, 'rounds.manage')) requireCapability(ctx, 'rounds.decide-led', 'see reporting rounds');
}

/** A closed round asks and reminds nobody: its snapshot is what was reported. */
async function refuseClosed(repos: Repositories, round: Round): Promise<void> {
  const [closed] = await repos.snapshots.byRounds([round.id]);
  if (closed) throw new ValidationError(`The round for ${round.period} is closed (snapshot ${closed.number}): nobody can be asked or reminded in it`, 'period');
}

export class RoundService {
  constructor(private readonly store: Store) {}

  private async summaries(repos: Repositories, ctx: Ctx, rounds: Round[]): Promise<RoundSummary[]> {
    const ids = rounds.map((r) => r.id);
    const [counts, plans, snapshots] = await Promise.all([repos.rounds.counts(ids), repos.rounds.plansOfRounds(ids), repos.snapshots.byRounds(ids)]);
    const today = todayFor(ctx);
    return rounds.map((r) => {
      const c = counts.get(r.id) ?? { requests: 0, received: 0 };
      return {
        id: r.id,
        period: r.period,
        description: periodDescription(periodOfRound(r)),
        dueDate: r.dueDate,
        openedBy: r.openedBy,
        openedAt: r.openedAt,
        plans: plans.filter((p) => p.roundId === r.id).map((p) => ({ slug: p.slug, title: p.title })),
        requests: c.requests,
        received: c.received,
        outstanding: c.requests - c.received,
        late: today > r.dueDate && c.requests > c.received && !snapshots.some((x) => x.roundId === r.id),
        closed: ((x) => (x ? { snapshot: x.number, name: x.name, at: x.takenAt } : null))(snapshots.find((x) => x.roundId === r.id)),
      };
    });
  }

  async list(ctx: Ctx): Promise<RoundSummary[]> {
    requireRoundReader(ctx);
    const repos = this.store.read;
    return this.summaries(repos, ctx, await repos.rounds.list(ctx.organisationId));
  }

  /** One round, for those who decide on what it brings in: managers, administrators and programme leads. */
  async summary(ctx: Ctx, roundId: number): Promise<RoundSummary> {
    requireRoundReader(ctx);
    const repos = this.store.read;
    const [summary] = await this.summaries(repos, ctx, [await this.roundOf(repos, ctx, roundId)]);
    return summary!;
  }

  private async roundOf(repos: Repositories, ctx: Ctx, id: number): Promise<Round> {
    const round = await repos.rounds.find(ctx.organisationId, id);
    if (!round) throw new NotFoundError(`There is no reporting round ${id}.`);
    return round;
  }

  /** What the authors wrote for the round's board reports (src/domain/report-text.ts), with its version. */
  async narrative(ctx: Ctx, roundId: number): Promise<ReportText & { version: number }> {
    requireCapability(ctx, 'rounds.manage', "read a round's report narrative");
    const round = await this.roundOf(this.store.read, ctx, roundId);
    return { ...reportTextOf(round), version: round.textVersion };
  }

  /**
   * Writes the round's report text: the executive summary's overall narrative and decisions required
   * (one a line), and the annual report's sections. Fields not given keep what they hold. Closing the
   * round freezes the text with the snapshot, so a closed round's is refused; a write from a version
   * that has moved on (someone else saved since) is refused with what they changed, and nothing is saved.
   */
  async writeNarrative(ctx: Ctx, roundId: number, input: Partial<ReportText> & { expectedVersion?: number | undefined }): Promise<{ version: number; changed: boolean }> {
    requireCapability(ctx, 'rounds.manage', "write a round's report narrative");
    const given: Partial<ReportText> = {};
    for (const f of REPORT_TEXT_FIELDS) {
      const raw = input[f.key];
      if (raw === undefined) continue;
      const value = normaliseReportText(raw);
      if (value.length > f.max) throw new ValidationError(`Keep the ${f.label.toLowerCase()} to ${f.max.toLocaleString('en-GB')} characters or fewer (${'plural' in f ? 'they have' : 'it has'} ${value.length.toLocaleString('en-GB')})`, f.key);
      given[f.key] = value;
    }
    return this.store.transaction(async (repos) => {
      const round = await repos.rounds.lock(ctx.organisationId, roundId);
      if (!round) throw new NotFoundError(`There is no reporting round ${roundId}.`);
      const [closed] = await repos.snapshots.byRounds([round.id]);
      if (closed) throw new ValidationError(`The round for ${round.period} is closed: its narrative was reported in snapshot ${closed.number} and cannot change`, 'narrative');
      await requireCurrentVersion(repos, { entityType: 'round', entityId: round.id, what: `The board report text for ${round.period}` }, input.expectedVersion, round.textVersion);
      const before = reportTextOf(round);
      const after = { ...before, ...given };
      const changed = REPORT_TEXT_KEYS.filter((k) => before[k] !== after[k]);
      if (changed.length === 0) return { version: round.textVersion, changed: false };
      const version = await repos.rounds.setReportText(round.id, after);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'round.narrative-written',
        entityType: 'round',
        entityId: round.id,
        entityKey: round.period,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
      return { version, changed: true };
    });
  }

  /** Finds a round by id or by its period ("2026/27 Q3"). */
  async resolve(ctx: Ctx, idOrPeriod: string): Promise<number> {
    requireCapability(ctx, 'rounds.manage', 'see reporting rounds');
    const rounds = await this.store.read.rounds.list(ctx.organisationId);
    const byId = /^\d+$/.test(idOrPeriod.trim()) ? rounds.find((r) => r.id === Number(idOrPeriod)) : undefined;
    const found = byId ?? rounds.find((r) => r.period.toLowerCase() === idOrPeriod.trim().replace(/\s+/g, ' ').toLowerCase());
    if (!found) throw new NotFoundError(`There is no reporting round "${idOrPeriod}". Run "parentis round status" to see the rounds.`);
    return found.id;
  }

  /**
   * Opens the round for a period (or adds plans to the one already open for it) and asks every named
   * owner of every open action in those plans, once per action; asking again changes nothing. The
   * owners' reminders are scheduled in the same transaction.
   */
  async open(ctx: Ctx, input: OpenRoundInput): Promise<RoundOpened> {
    requireCapability(ctx, 'rounds.manage', 'open reporting rounds');
    const period = parsePeriod(input.period, 'period');
    const slugs = [...new Set(input.plans.map((s) => s.trim()).filter((s) => s !== ''))];
    if (slugs.length === 0) throw new ValidationError('Choose at least one plan to ask for updates on', 'plans');
    const dueDate = input.dueDate === undefined || input.dueDate.trim() === '' ? defaultDueDate(period) : input.dueDate.trim();
    if (!isIsoDate(dueDate)) throw new ValidationError('The due date must be a real date written yyyy-mm-dd', 'dueDate');
    if (dueDate <= period.start) throw new ValidationError(`The due date must be after the period starts (${period.start})`, 'dueDate');
    const today = todayFor(ctx);
    return this.store.transaction(async (repos) => {
      const found = new Map((await repos.plans.findBySlugs(ctx.organisationId, slugs)).map((p) => [p.slug, p]));
      const missing = slugs.find((slug) => !found.has(slug));
      if (missing !== undefined) throw new ValidationError(`There is no plan "${missing}"`, 'plans');
      const plans = slugs.map((slug) => found.get(slug)!);
      // An archived plan takes no updates, so its owners are not asked for any.
      const archived = plans.find((plan) => plan.archivedAt !== null);
      if (archived) throw new ValidationError(`"${archived.title}" is archived: it takes no updates, so a round cannot ask for them. Take it out of the archive first, or leave it out`, 'plans');
      const { round, created } = await repos.rounds.insertOrFind({
        organisationId: ctx.organisationId,
        frequency: period.frequency,
        period: period.label,
        periodStart: period.start,
        periodEnd: period.end,
        dueDate,
        openedBy: ctx.actor,
      });
      if (!created) await refuseClosed(repos, round);
      const added = await repos.rounds.addPlans(round.id, plans.map((p) => p.id), ctx.actor);
      const owners = await repos.rounds.ownersOfOpenActions(ctx.organisationId, plans.map((p) => p.id));
      const newRequests = await repos.rounds.insertRequests(owners.map((o) => ({ roundId: round.id, actionId: o.actionId, ownerName: o.ownerName, email: o.email })));
      const asked = newRequests.length;
      // Owners with something new to answer get the request today; every owner keeps the round's reminders.
      const ownerNames = [...new Map(owners.map((o) => [o.ownerName.toLowerCase(), o.ownerName])).values()];
      const newlyAsked = new Set(newRequests.map((n) => n.toLowerCase()));
      await repos.rounds.schedule(
        ownerNames.flatMap((name) =>
          reminderSchedule(today, round.dueDate, newlyAsked.has(name.toLowerCase())).map((s) => ({ roundId: round.id, ownerName: name, kind: s.kind, sendOn: s.sendOn, createdBy: ctx.actor })),
        ),
      );
      const addedSlugs = plans.filter((p) => added.includes(p.id)).map((p) => p.slug);
      if (created || addedSlugs.length > 0) {
        await repos.audit.record({
          organisationId: ctx.organisationId,
          actor: ctx.actor,
          event: created ? 'round.opened' : 'round.plans-added',
          entityType: 'round',
          entityId: round.id,
          entityKey: round.period,
          before: null,
          after: { period: round.period, dueDate: round.dueDate, plans: addedSlugs, asked },
        });
      }
      const [summary] = await this.summaries(repos, ctx, [round]);
      return { round: summary!, created, plansAdded: addedSlugs, asked, alreadyAsked: owners.length - asked, owners: ownerNames.length };
    });
  }

  async chaseList(ctx: Ctx, roundId: number): Promise<ChaseList> {
    requireCapability(ctx, 'rounds.manage', 'see the chase list');
    const repos = this.store.read;
    const round = await this.roundOf(repos, ctx, roundId);
    const [requests, reminders, links] = await Promise.all([repos.rounds.requests(round.id), repos.rounds.reminders(round.id), repos.rounds.links(round.id)]);
    const nodes = await repos.plans.nodesOfPlans([...new Set(requests.map((r) => r.planId))]);
    const today = todayFor(ctx);
    const rows: ChaseRow[] = requests.map((r) => {
      const programme = topLevelNode(
        nodes.filter((n) => n.planId === r.planId),
        r.nodeId,
      );
      return {
        requestId: r.id,
        owner: r.ownerName,
        email: r.email,
        hasAccount: r.hasAccount,
        programme: programme ? `${programme.number} ${programme.title}`.trim() : '',
        planSlug: r.planSlug,
        planTitle: r.planTitle,
        actionKey: formatActionKey({ plan: r.planSlug, number: r.number }),
        title: r.title,
        state: stateOf(r, round.dueDate, today, londonDate),
        receivedAt: r.receivedAt,
        receivedVia: r.receivedVia,
      };
    });
    const owners = new Map<string, OwnerChase>();
    for (const row of rows) {
      const key = row.owner.toLowerCase();
      const o = owners.get(key) ?? {
        owner: row.owner,
        email: row.email,
        hasAccount: row.hasAccount,
        requested: 0,
        received: 0,
        missing: 0,
        late: 0,
        lastReminded: null,
        problem: null,
        reminders: [],
        links: [],
      };
      o.email ??= row.email;
      o.requested += 1;
      if (row.state === 'received' || row.state === 'received-late') o.received += 1;
      else if (row.state === 'late') o.late += 1;
      else o.missing += 1;
      owners.set(key, o);
    }
    for (const r of reminders) {
      const o = owners.get(r.ownerName.toLowerCase());
      if (!o) continue;
      o.reminders.push(reminderView(r));
      if (r.sentAt !== null && (o.lastReminded === null || r.sentAt > o.lastReminded)) o.lastReminded = r.sentAt;
    }
    for (const o of owners.values()) o.problem = deliveryProblem(o.reminders);
    for (const l of links) {
      owners.get(l.ownerName.toLowerCase())?.links.push({ id: l.id, email: l.email, expiresAt: l.expiresAt, usedAt: l.usedAt, revokedAt: l.revokedAt });
    }
    const [summary] = await this.summaries(repos, ctx, [round]);
    return { round: summary!, today, rows, owners: [...owners.values()].sort((a, b) => a.owner.localeCompare(b.owner)) };
  }

  /**
   * Of these owners, those whose messages in the round have not reached them: the last went wrong (no
   * address, bounced, failed, waiting to be tried again) or one due by today is still waiting to go.
   */
  async unreached(ctx: Ctx, roundId: number, ownerNames: readonly string[]): Promise<string[]> {
    const list = await this.chaseList(ctx, roundId);
    return list.owners
      .filter((o) => ownerNames.some((n) => isSamePerson(n, o.owner)))
      .filter((o) => o.problem !== null || o.reminders.some((r) => (r.status === 'scheduled' || r.status === 'sending') && r.sendOn <= list.today))
      .map((o) => o.owner);
  }

  /**
   * Asks for a reminder to go now to one owner, or to every owner with a late update: put on the
   * schedule for today (the sender sends it at its next run, or at once when the caller runs it).
   */
  async remindNow(ctx: Ctx, roundId: number, who: { owner: string } | 'late'): Promise<{ owners: string[] }> {
    requireCapability(ctx, 'rounds.manage', 'send reminders');
    const today = todayFor(ctx);
    return this.store.transaction(async (repos) => {
      const round = await this.roundOf(repos, ctx, roundId);
      await refuseClosed(repos, round);
      const requests = await repos.rounds.requests(round.id);
      const outstanding = requests.filter((r) => r.receivedAt === null);
      let owners: string[];
      if (who === 'late') {
        if (today <= round.dueDate) throw new ValidationError(`Nothing is late yet: updates are due by ${round.dueDate}`, 'owner');
        owners = [...new Map(outstanding.map((r) => [r.ownerName.toLowerCase(), r.ownerName])).values()];
      } else {
        const mine = requests.filter((r) => isSamePerson(r.ownerName, who.owner));
        if (mine.length === 0) throw new ValidationError(`${who.owner} has not been asked for an update in ${round.period}`, 'owner');
        if (!mine.some((r) => r.receivedAt === null)) throw new ValidationError(`${mine[0]!.ownerName} has sent every update asked for in ${round.period}`, 'owner');
        owners = [mine[0]!.ownerName];
      }
      await repos.rounds.schedule(owners.map((ownerName) => ({ roundId: round.id, ownerName, kind: 'manual', sendOn: today, createdBy: ctx.actor })));
      if (owners.length > 0) {
        await repos.audit.record({
          organisationId: ctx.organisationId,
          actor: ctx.actor,
          event: 'round.reminder.scheduled',
          entityType: 'round',
          entityId: round.id,
          entityKey: round.period,
          before: null,
          after: { owners },
        });
      }
      return { owners };
    });
  }

  /** The chase list as CSV (the project's one CSV writer): a row per request, with the owner's last reminder. */
  async chaseCsv(ctx: Ctx, roundId: number): Promise<string> {
    const list = await this.chaseList(ctx, roundId);
    const byOwner = new Map(list.owners.map((o) => [o.owner.toLowerCase(), o]));
    return toCsv(
      [
        ['period', 'due_date', 'owner', 'email', 'programme', 'plan', 'action', 'title', 'state', 'received_at', 'received_via', 'last_reminded', 'reminder_problem'],
        ...list.rows.map((r) => {
          const o = byOwner.get(r.owner.toLowerCase());
          return [
            list.round.period,
            list.round.dueDate,
            r.owner,
            r.email,
            r.programme,
            r.planSlug,
            r.actionKey,
            r.title,
            requestStateLabels[r.state],
            r.receivedAt?.toISOString() ?? '',
            r.receivedVia ?? '',
            o?.lastReminded?.toISOString() ?? '',
            o?.problem ?? '',
          ];
        }),
      ],
      { forExcel: true },
    );
  }

  /** Messages kept because no e-mail service is set up, newest first: administrators read and pass them on. */
  async outbox(ctx: Ctx, limit = 200): Promise<OutboxMessage[]> {
    requireCapability(ctx, 'outbox.read', 'read the outbox');
    return this.store.read.rounds.outbox(ctx.organisationId, limit);
  }

  /** The signed-in person's requests still waiting for an update, across the authority's rounds. */
  async mine(ctx: Ctx): Promise<MyRequest[]> {
    const today = todayFor(ctx);
    const rows = await this.store.read.rounds.openRequestsOf(ctx.organisationId, ctx.actor);
    return rows.map((r) => ({ roundId: r.roundId, period: r.period, dueDate: r.dueDate, actionKey: formatActionKey({ plan: r.planSlug, number: r.number }), title: r.title, late: today > r.dueDate }));
  }
}

const reminderView = (r: Reminder): ReminderView => ({
  id: r.id,
  kind: r.kind as ReminderKind,
  sendOn: r.sendOn,
  status: r.status,
  attempts: r.attempts,
  channel: r.channel,
  address: r.address,
  lastError: r.lastError,
  sentAt: r.sentAt,
});
