// The validator rules Parentis runs, in one list, and the runner that applies them year by year.
import type { DataQualityIssue } from '../checks.ts';
import type { Ssda903Return } from '../history.ts';
import { careLeaverRules } from './care-leavers.ts';
import { buildContexts, type CheckContext, type Rule } from './context.ts';
import { episodeRules } from './episodes.ts';
import { outcomeRules } from './outcomes-sdq.ts';
import { placementRules } from './placements.ts';
import { shortBreakRules } from './short-breaks.ts';
import { stitchingRules } from './stitching.ts';

export const RULES: readonly Rule[] = [...episodeRules, ...stitchingRules, ...placementRules, ...shortBreakRules, ...outcomeRules, ...careLeaverRules];

/** The code of the note left when a year's files give no collection year. */
export const YEAR_UNKNOWN = 'year-unknown';

/** Whether a rule can run on a context: its tables (this year's and last year's) and columns are there. */
function runnable(rule: Rule, ctx: CheckContext): boolean {
  if (!rule.needs.every((t) => ctx.tables[t])) return false;
  if (rule.needsColumn && !ctx.tables.Episodes?.columns.has(rule.needsColumn)) return false;
  return true;
}

/**
 * Runs every rule on every collection year in the return. A rule whose tables are missing is not run, as the
 * validator does; a year-dependent one on files of no known year is not run either, and one note says which,
 * naming first `alsoSkipped`: the checks outside this list that were skipped on those files for the same reason.
 * With `releaseRows` each year's files are left with no rows once no rule reads them (see buildContexts).
 */
export function runRules(ret: Ssda903Return, rules: readonly Rule[] = RULES, alsoSkipped: readonly string[] = [], releaseRows = false): DataQualityIssue[] {
  const issues: DataQualityIssue[] = [];
  for (const ctx of buildContexts(ret, releaseRows)) {
    const skipped: string[] = ctx.year === undefined ? [...alsoSkipped] : [];
    for (const rule of rules) {
      if (!runnable(rule, ctx)) continue;
      if (ctx.year === undefined && (rule.needsYear || rule.needsLast)) {
        skipped.push(rule.code);
        continue;
      }
      if (rule.needsLast && !rule.needsLast.every((t) => ctx.last?.tables[t])) continue;
      rule.check(ctx, (row, message, detail) => {
        const fields = [...(detail?.fields ?? rule.fields)];
        const issue: DataQualityIssue = { severity: rule.severity, check: rule.code, file: row.file, line: row.line, child: row.fields.CHILD ?? '', message, table: detail?.table ?? rule.table, fields };
        if (fields[0] !== undefined) issue.column = fields[0];
        if (detail?.related) issue.related = detail.related;
        issues.push(issue);
      });
    }
    if (skipped.length > 0) {
      const files = ctx.files;
      issues.push({
        severity: 'note',
        check: YEAR_UNKNOWN,
        file: files[0] ?? '',
        line: 1,
        child: '',
        message: `The collection year of ${files.join(', ')} is not known (no year in the path and no event dates to tell; give --year to set it), so ${skipped.length === 1 ? '1 check that depends on it was' : `${skipped.length} checks that depend on it were`} not run: ${skipped.join(', ')}`,
      });
    }
  }
  return issues;
}
