// The demonstration's reporting cycle: the last four quarters before the latest one each went round
// (owners asked, most answering, some late, some never) and closed into a snapshot a week
// before the Corporate Parenting Board met; the latest quarter's round is open now. Everything is
// worked out from the demonstration's own (moved) dates, so a given today always gives the same rounds.
import crypto from 'node:crypto';
import { DEMO_WRITTEN_AT, shiftDate, shiftText } from '../demo/shift.ts';
import { demoRoundNarratives } from '../demo/content/round-narratives.ts';
import { staff } from '../demo/content/authority.ts';
import { stoppedClock } from '../domain/clock.ts';
import { groupBy } from '../domain/collections.ts';
import { addDays } from '../domain/dates.ts';
import { annualFields } from '../domain/report-text.ts';
import { defaultDueDate, periodContaining, previousPeriod, type ReportingPeriod } from '../domain/reporting-periods.ts';
import { defaultSnapshotName } from '../domain/snapshot.ts';
import { addWorkingDays, isWorkingDay } from '../domain/working-days.ts';
import type { Plan } from '../repositories/plan.repository.ts';
import type { Store } from '../repositories/store.ts';
import { todayFor, type Ctx } from './context.ts';
import { ReminderSender } from './reporting/reminder-sender.ts';
import { RoundService } from './reporting/round.service.ts';
import { DEFAULT_BOARD, SnapshotService } from './reporting/snapshot.service.ts';

/** Closed quarters the demonstration holds before the open one. */
export const DEMO_CLOSED_ROUNDS = 4;

/** Of every hundred owners in a round: these answer by the due date, the next band after it; the rest never do. */
const ON_TIME = 70;
const LATE = 88;

export interface DemoRoundPlan {
  period: ReportingPeriod;
  /** Plans live in the quarter, by slug. */
  plans: string[];
  dueDate: string;
  opensOn: string;
  /** Closed rounds: the board's meeting and the day, a week before it, the round closed. */
  board: { meets: string; closesOn: string } | null;
}

/** The board meets on the first Thursday at least 21 days after updates are due. */
export function boardMeeting(dueDate: string): string {
  let d = addDays(dueDate, 21);
  while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 4) d = addDays(d, 1);
  return d;
}

/** A number 0–99 that stays the same for the same words. */
const steady = (...words: (string | number)[]): number => crypto.createHash('sha256').update(words.join('|')).digest().readUInt32BE(0) % 100;

/** The working days from `from` to `to` inclusive. */
function workingDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) out.push(d);
  return out;
}

/**
 * The rounds the demonstration holds, oldest first: the quarter the demonstration reports last (the
 * one before the quarter it was written in, moved by `years`) open, and the four before it closed.
 * The open round's updates are due as usual, or by the working day before today when that has not
 * come yet, so some are late whatever day the demonstration is loaded.
 */
export function demoRoundPlans(plans: readonly Pick<Plan, 'slug' | 'periodStart' | 'periodEnd' | 'archivedAt'>[], years: number, today: string): DemoRoundPlan[] {
  const latest = previousPeriod(periodContaining(shiftDate(DEMO_WRITTEN_AT, years), 'quarterly'));
  const periods = [latest];
  while (periods.length <= DEMO_CLOSED_ROUNDS) periods.unshift(previousPeriod(periods[0]!));
  return periods.map((period, i) => {
    const live = plans.filter((p) => p.archivedAt === null && (p.periodStart ?? period.start) <= period.start && (p.periodEnd ?? period.end) >= period.end).map((p) => p.slug);
    const open = i === periods.length - 1;
    const usual = defaultDueDate(period);
    const dueDate = !open || usual < today ? usual : addWorkingDays(today, -1);
    const meets = boardMeeting(dueDate);
    return { period, plans: live, dueDate, opensOn: addWorkingDays(period.end, 1), board: open ? null : { meets, closesOn: addDays(meets, -7) } };
  });
}

/**
 * Opens, chases and closes the demonstration's rounds as the Partnership Business Manager, who writes
 * each closed round's narrative and decisions required before closing it, messages going to the
 * outbox; a round closed already is left as it is, so an interrupted load completes.
 */
export async function loadDemoRounds(store: Store, demo: Ctx, years: number, publicUrl: string, onStep: (message: string) => void): Promise<void> {
  const ctx: Ctx = { ...demo, actor: staff.partnership.name };
  const today = todayFor(ctx);
  const rounds = new RoundService(store);
  const snapshots = new SnapshotService(store);
  const plans = await store.read.plans.list(ctx.organisationId);
  const existing = await rounds.list(ctx);
  let closed = 0;
  for (const r of demoRoundPlans(plans, years, today)) {
    // On a day before the demonstration was written (tests pin such days) later quarters have not come.
    if (r.plans.length === 0 || r.opensOn > today || (r.board !== null && r.board.closesOn > today)) continue;
    const already = existing.find((x) => x.period === r.period.label);
    if (already?.closed) continue;
    const until = r.board?.closesOn ?? today;
    // Opened the working day after the quarter ends, on that day's clock: the reminders fall on their days.
    const then = (day: string) => stoppedClock(new Date(`${day}T09:00:00Z`));
    const opened = await rounds.open({ ...ctx, clock: then(r.opensOn) }, { period: r.period.label, plans: r.plans, dueDate: r.dueDate });
    const roundId = opened.round.id;
    const replies = await repliesOf(store, roundId, r, until);
    // The open round's reminder days in turn: the replies that came before it are in, then that day's
    // messages go to the outbox. A closed round's reminders are not sent again now: closing stops them.
    const sendDays = r.board ? [] : [...new Set((await store.read.rounds.reminders(roundId)).map((m) => m.sendOn))].filter((d) => d <= until).sort();
    for (const day of sendDays) {
      await store.transaction((t) => t.rounds.receiveRequests(replies.filter((x) => x.on < day)));
      await new ReminderSender(store, { publicUrl, clock: then(day), worker: 'demonstration' }).runOnce(50);
    }
    await store.transaction((t) => t.rounds.receiveRequests(replies));
    if (r.board) {
      // The manager's overall narrative and the decisions asked of the board, written before the close so the snapshot holds them.
      const written = demoRoundNarratives.find((n) => shiftText(n.quarter, years) === r.period.label);
      if (written) {
        const moved = (text: string): string => shiftText(text, years);
        await rounds.writeNarrative({ ...ctx, clock: then(addDays(r.board.closesOn, -1)) }, roundId, {
          narrative: moved(written.narrative),
          decisions: moved(written.decisions),
          ...(written.annual === undefined ? {} : annualFields(written.annual, moved)),
        });
      }
      await snapshots.close(ctx, roundId, { asAt: r.board.closesOn, name: defaultSnapshotName(DEFAULT_BOARD, r.board.meets) });
      closed++;
    } else {
      onStep(`Opened the reporting round for ${r.period.label}: ${replies.length} of ${opened.asked + opened.alreadyAsked} updates in, the rest awaited or late`);
    }
  }
  if (closed > 0) onStep(`Closed ${closed} reporting rounds into snapshots as reported to the ${DEFAULT_BOARD}`);
}

/**
 * Who answers in a round, when and with which update: owners by a steady draw (most by the due date,
 * some after it, a few never), each on a working day of their own, their reply being the action's
 * latest update dated in the quarter by then, when it has one.
 */
async function repliesOf(store: Store, roundId: number, r: DemoRoundPlan, until: string): Promise<{ id: number; at: Date; via: 'account' | 'link'; progressUpdateId: number | null; on: string }[]> {
  const requests = await store.read.rounds.requests(roundId);
  const updates = (await store.read.actions.updates([...new Set(requests.map((q) => q.actionId))])).sort((a, b) => a.updateDate.localeCompare(b.updateDate) || a.id - b.id);
  const updatesOf = groupBy(updates, (u) => u.actionId);
  const onTime = workingDays(r.opensOn, r.dueDate);
  const late = workingDays(addDays(r.dueDate, 1), addDays(until, -1));
  return requests.flatMap((q) => {
    const draw = steady(r.period.label, q.ownerName.toLowerCase());
    const days = draw < ON_TIME ? onTime : draw < LATE ? late : [];
    if (days.length === 0) return [];
    const on = days[steady(r.period.label, q.actionId) % days.length]!;
    if (on > until) return [];
    const answer = (updatesOf.get(q.actionId) ?? []).filter((u) => u.updateDate >= r.period.start && u.updateDate <= on).at(-1);
    return [{ id: q.id, at: new Date(`${on}T10:00:00Z`), via: q.hasAccount ? ('account' as const) : ('link' as const), progressUpdateId: answer?.id ?? null, on }];
  });
}
