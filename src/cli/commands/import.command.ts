// parentis import plan: loads a plan document (as written by export) in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ValidationError } from '../../domain/errors.ts';
import { checkFileSize, FILE_LIMITS } from '../input-files.ts';
import { write } from '../output.ts';
import { withSession, type GlobalOptions } from '../session.ts';

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

export function register(program: Command): void {
  const imp = program.command('import').description('import data');
  imp
    .command('plan <file>')
    .description('import a plan document (JSON as written by "parentis export plan"); all or nothing')
    .option('--replace', 'replace the plan with the same slug, if there is one')
    .action(async (file: string, opts: { replace?: boolean }, cmd: Command) => {
      const raw = parseJsonFile(file);
      await withSession(cmd.optsWithGlobals<GlobalOptions>(), async ({ app, ctx }) => {
        const r = await app.services.plans.importDocument(ctx, raw, { replace: opts.replace === true, source: path.basename(file) });
        write(`${r.replaced ? 'Replaced' : 'Imported'} plan ${r.slug} (${r.title}): ${r.actions} actions, ${r.updates} updates, ${r.risks} risks.\n`);
      });
    });
}
