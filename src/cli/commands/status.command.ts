// parentis status set: records a BRAG status (or forecast) with its as-at date and reason.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { BRAG_LABEL, parseBrag, type Brag } from '../../domain/brag.ts';
import { write } from '../output.ts';
import { dateOption, versionOption } from '../options.ts';
import { withSession, type GlobalOptions } from '../session.ts';
import { todayFor } from '../../services/context.ts';

function bragArgument(value: string): Brag {
  try {
    return parseBrag(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

export function register(program: Command): void {
  const status = program.command('status').description('BRAG status');
  status
    .command('set <action> <status>')
    .description('record a BRAG status (B, R, A or G) for an action (plan-slug:number)')
    .requiredOption('--reason <text>', 'why the action has this status')
    .option('--as-at <date>', 'the date the status describes; today if not given', dateOption)
    .option('--forecast', 'record the forecast status instead of the current one')
    .option('--proposed-by <name>', 'who proposed it, when not the person recording it')
    .option('--propose-only', 'record a proposal that waits for a lead to approve it')
    .option('--if-version <n>', 'refuse if the action has changed since this version', versionOption)
    .action(
      async (
        key: string,
        statusText: string,
        opts: { reason: string; asAt?: string; forecast?: boolean; proposedBy?: string; proposeOnly?: boolean; ifVersion?: number },
        cmd: Command,
      ) => {
        const brag = bragArgument(statusText);
        await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
          const a = await app.services.actions.setStatus(ctx, key, {
            status: brag,
            asAt: opts.asAt ?? todayFor(ctx),
            reason: opts.reason,
            kind: opts.forecast ? 'forecast' : 'current',
            proposedBy: opts.proposedBy,
            approve: opts.proposeOnly !== true,
            expectedVersion: opts.ifVersion,
          });
          const what = opts.forecast ? 'Forecast' : 'Status';
          const inForce = opts.forecast ? a.forecast : a.status;
          const asAt = opts.asAt ?? 'today';
          if (opts.proposeOnly) write(`Proposed ${BRAG_LABEL[brag]} for ${a.key} as at ${asAt}; it waits for approval (now version ${a.version}).\n`);
          else if (inForce === brag) write(`${what} of ${a.key} is now ${BRAG_LABEL[brag]} as at ${asAt} (now version ${a.version}).\n`);
          else {
            const later = a.statuses.filter((s) => s.kind === (opts.forecast ? 'forecast' : 'current') && s.approvedBy !== null).at(-1);
            write(
              `Recorded ${BRAG_LABEL[brag]} for ${a.key} as at ${asAt}, but a later entry stays in force: ` +
                `${inForce === null ? 'none' : BRAG_LABEL[inForce]}${later ? ` as at ${later.asAt}` : ''} (now version ${a.version}).\n`,
            );
          }
        });
      },
    );
}
