// parentis import plan: loads a plan document (as written by export), or a council's Word or Excel tracker read
// through a column mapping, in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.ts';
import { PLAN_KINDS, slugFrom, type PlanKind } from '../../domain/plan-document.ts';
import { buildPlan, describeProblem, guessMapping, LIMITS, mappingSchema, readTracker, type TrackerMapping } from '../../plan-import/index.ts';
import { checkFileSize, FILE_LIMITS, readBytes } from '../input-files.ts';
import { write } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';
import type { TrackerDifferences } from '../../services/plan.service.ts';
import { nowFor, type Ctx } from '../../services/context.ts';
import { io } from '../io.ts';

/** Parses JSON, naming the file, line and column of a syntax error. */
export function parseJsonFile(file: string): unknown {
  const name = path.basename(file);
  let text: string;
  checkFileSize(file, FILE_LIMITS.planJson);
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ValidationError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 'file');
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      throw new ValidationError(`${name}: not valid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`, 'file');
    }
    throw new ValidationError(`${name}: not valid JSON: ${message}`, 'file');
  }
}

interface PlanOptions {
  replace?: boolean;
  into?: string;
  apply?: boolean;
  mapping?: string;
  title?: string;
  slug?: string;
  kind: string;
}

const TRACKER = /\.(docx|xlsx|csv)$/i;

function readMapping(file: string): TrackerMapping {
  const parsed = mappingSchema.safeParse(parseJsonFile(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(`${path.basename(file)}: ${issue.path.join('.') || 'mapping'}: ${issue.message}`, 'mapping');
  }
  return parsed.data;
}

/** A tracker (.docx, .xlsx, .csv) made into a plan document, or the guessed mapping printed when columns are missing. */
async function trackerDocument(file: string, opts: PlanOptions, ctx: Ctx): Promise<unknown> {
  const name = path.basename(file);
  checkFileSize(file, LIMITS.fileBytes);
  const source = await readTracker(name, readBytes(file));
  let mapping: TrackerMapping;
  if (opts.mapping !== undefined) mapping = readMapping(opts.mapping);
  else {
    const guess = guessMapping(source);
    if (!guess) throw new ValidationError(`${name}: no table with a header Parentis recognises (Action, Owner, Deadline, BRAG …): write a mapping and pass it with --mapping`, 'file');
    if (!guess.complete) {
      write(`${JSON.stringify(guess.mapping, null, 2)}\n`);
      throw new ValidationError(
        `${name}: no column recognised for ${guess.missing.join(' and ')}. The mapping guessed is printed above: save it, name the columns in "columns" and pass it with --mapping FILE`,
        'mapping',
      );
    }
    mapping = guess.mapping;
  }
  const kind = opts.kind as PlanKind;
  if (!(PLAN_KINDS as readonly string[]).includes(kind)) throw new ValidationError(`--kind must be one of ${PLAN_KINDS.join(', ')}`, 'kind');
  const title = opts.title ?? name.replace(TRACKER, '').replace(/[_-]+/g, ' ').trim();
  const built = buildPlan(source, mapping, { title, slug: opts.slug ?? slugFrom(title), kind }, { importedBy: ctx.actor, importedAt: nowFor(ctx).toISOString() });
  for (const p of built.problems.filter((x) => x.severity === 'warning')) io().stderr.write(`${name}: warning: ${describeProblem(p)}\n`);
  const errors = built.problems.filter((x) => x.severity === 'error');
  if (errors.length > 0) {
    // Every problem on its own line, then the one-line message the command line ends with.
    if (errors.length > 1) for (const p of errors) io().stderr.write(`${name}: ${describeProblem(p)}\n`);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more, listed above)` : '';
    throw new ValidationError(`${name}: nothing was imported: ${describeProblem(errors[0]!)}${more}`, 'file');
  }
  return built.document;
}

/** The differences a later tracker brings, as a person reads them before applying them. */
export function describeDifferences(d: TrackerDifferences, source: string): string {
  const lines = [`${d.applied ? 'Added to' : 'Differences for'} ${d.slug} from ${source}:`];
  for (const c of d.changes) {
    lines.push(`  ${c.number}  ${c.title}`);
    if (c.status) lines.push(`      status ${c.status.from ?? 'none'} → ${c.status.to} (as at ${c.status.asAt})`);
    if (c.deadline) lines.push(`      deadline ${c.deadline.from ?? 'none'} → ${c.deadline.to}`);
    for (const u of c.updates) lines.push(`      + update ${u.date}: ${u.body.replace(/\s+/g, ' ').slice(0, 100)}`);
  }
  for (const n of d.notInPlan) lines.push(`  ${n.number}  ${n.title}: not in the plan, left out`);
  lines.push(`  ${d.unchanged} action${d.unchanged === 1 ? '' : 's'} unchanged.`);
  if (d.changes.length === 0) lines.push('Nothing to add.');
  else if (!d.applied) lines.push('Nothing was changed: run again with --apply to add these to the history.');
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  const imp = program.command('import').description('import data');
  imp
    .command('plan <file>')
    .description('import a plan: a plan document (JSON as written by "parentis export plan"), or a Word (.docx), Excel (.xlsx) or CSV tracker; all or nothing')
    .option('--replace', 'replace the plan with the same slug, if there is one')
    .option('--mapping <file>', 'a tracker: which table and what each column holds (JSON); without it the guesses are used when they are complete')
    .option('--title <title>', "a tracker: the plan's title (default: from the file's name)")
    .option('--slug <slug>', "a tracker: the plan's short name in addresses (default: from the title)")
    .option('--kind <kind>', `a tracker: the kind of plan (${PLAN_KINDS.join(', ')})`, 'other')
    .option('--into <slug>', "a later tracker of a plan already here: show what it adds to each action's history")
    .option('--apply', 'with --into: add those updates, statuses and deadlines to the history')
    .action(async (file: string, opts: PlanOptions, cmd: Command) => {
      if (opts.apply && opts.into === undefined) throw new ValidationError('--apply goes with --into PLAN', 'apply');
      // A plan document is read and checked before the database is opened: a bad file needs no authority.
      const json = TRACKER.test(file) ? undefined : parseJsonFile(file);
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const document = async (slug?: string): Promise<unknown> => json ?? (await trackerDocument(file, slug === undefined ? opts : { ...opts, slug }, ctx));
        if (opts.into !== undefined) {
          const d = await app.services.plans.updateFromDocument(ctx, opts.into, await document(opts.into), { apply: opts.apply === true, source: path.basename(file) });
          write(describeDifferences(d, path.basename(file)));
          return;
        }
        const r = await app.services.plans.importDocument(ctx, await document(), { replace: opts.replace === true, source: path.basename(file) });
        write(`${r.replaced ? 'Replaced' : 'Imported'} plan ${r.slug} (${r.title}): ${r.actions} actions, ${r.updates} updates, ${r.risks} risks.\n`);
      });
    });
}
