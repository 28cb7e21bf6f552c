// parentis round open|status|remind|close: opens a reporting round, shows the rounds or one round's
// chase list, sends the reminders that are due (the server does this on an interval; this runs it
// once), and closes a round into its frozen "as reported" snapshot.
import type { Command } from 'commander';
import { dateOption } from '../options.ts';
import { parseFormat, render, write, type Format } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';
import { requestStateLabels, type ChaseRow, type RoundSummary } from '../../services/reporting/round.service.ts';

const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

export function register(program: Command): void {
  const round = program.command('round').description('reporting rounds: ask owners for updates, chase and remind');

  round
    .command('open <period>')
    .description('open a round for a period (2026/27 Q3, 2026/27 M7) and ask every owner of an open action in the plans; opening it again asks nobody twice')
    .requiredOption('--plan <slug>', 'a plan to ask about (repeat, or give several separated by commas)', collect, [])
    .option('--due <date>', 'the due date (default: ten working days after the period ends)', dateOption)
    .action(async (period: string, opts: { plan: string[]; due?: string }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const opened = await app.services.rounds.open(ctx, { period, plans: opts.plan, dueDate: opts.due });
        const r = opened.round;
        write(
          `${opened.created ? 'Opened' : 'Already open:'} ${r.description}, updates due by ${r.dueDate} (round ${r.id}).\n` +
            `Asked ${opened.asked} new update(s) from ${opened.owners} owner(s)${opened.alreadyAsked > 0 ? `; ${opened.alreadyAsked} already asked` : ''}${opened.plansAdded.length > 0 ? `; plans added: ${opened.plansAdded.join(', ')}` : ''}.\n` +
            'Run "parentis round remind" (or keep the server running) to send the requests.\n',
        );
      });
    });

  round
    .command('status [round]')
    .description('the rounds, or one round\'s chase list (by id or period): requested, received, awaited and late updates by owner, programme and plan')
    .option('--format <format>', 'table, csv or json', 'table')
    .action(async (which: string | undefined, opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format) as Format;
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        if (which === undefined) {
          const rounds = await app.services.rounds.list(ctx);
          write(
            render<RoundSummary>(
              rounds,
              [
                { header: 'Round', value: (r) => r.id },
                { header: 'Period', value: (r) => r.period },
                { header: 'Plans', value: (r) => r.plans.map((p) => p.slug).join(', '), width: 30 },
                { header: 'Due', value: (r) => r.dueDate },
                { header: 'Asked', value: (r) => r.requests },
                { header: 'Received', value: (r) => r.received },
                { header: 'Outstanding', value: (r) => r.outstanding },
              ],
              format,
              (r) => r,
            ),
          );
          return;
        }
        const list = await app.services.rounds.chaseList(ctx, await app.services.rounds.resolve(ctx, which));
        const reminded = new Map(list.owners.map((o) => [o.owner.toLowerCase(), o]));
        write(
          render<ChaseRow>(
            list.rows,
            [
              { header: 'Owner', value: (r) => r.owner },
              { header: 'Programme', value: (r) => r.programme, width: 24 },
              { header: 'Action', value: (r) => r.actionKey },
              { header: 'Update', value: (r) => requestStateLabels[r.state] },
              { header: 'Last reminded', value: (r) => reminded.get(r.owner.toLowerCase())?.lastReminded?.toISOString() ?? '' },
              { header: 'Problem', value: (r) => reminded.get(r.owner.toLowerCase())?.problem ?? '', width: 30 },
            ],
            format,
            (r) => ({ ...r, lastReminded: reminded.get(r.owner.toLowerCase())?.lastReminded ?? null }),
          ),
        );
      });
    });

  round
    .command('close <round>')
    .description('close a round (by id or period): freeze what was reported into a numbered snapshot that never changes, and stop its reminders')
    .option('--name <name>', 'the name it is kept under (default: "as reported to the Corporate Parenting Board on" today\'s date)')
    .action(async (which: string, opts: { name?: string }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const taken = await app.services.snapshots.close(ctx, await app.services.rounds.resolve(ctx, which), { name: opts.name });
        write(`Closed ${taken.period}: snapshot ${taken.number}, "${taken.name}".\nRun "parentis snapshot show ${taken.number}" to read it.\n`);
      });
    });

  round
    .command('remind [round]')
    .description('send the reminders that are due now; with a round and --owner or --late, first ask for one to go now')
    .option('--owner <name>', 'remind this owner now')
    .option('--late', 'remind every owner with a late update now')
    .action(async (which: string | undefined, opts: { owner?: string; late?: boolean }, cmd: Command) => {
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        if (opts.owner !== undefined || opts.late === true) {
          if (which === undefined) throw new Error('say which round: parentis round remind "2026/27 Q3" --owner NAME');
          const id = await app.services.rounds.resolve(ctx, which);
          await app.services.rounds.remindNow(ctx, id, opts.owner !== undefined ? { owner: opts.owner } : 'late');
        }
        const t = await app.services.reminders.runOnce();
        write(`Sent ${t.sent} message(s) by ${app.services.reminders.channelName}; ${t.failed} failed, ${t.bounced} bounced, ${t.retrying} to try again, ${t.skipped} no longer needed.\n`);
      });
    });
}
