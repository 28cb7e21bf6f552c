// Validator rules on OC2: present exactly for the 12-month cohort, and SDQ given for the ages that count.
import { dayFromUk, ukDate } from '../days.ts';
import { inContinuousCare } from '../history.ts';
import { birthday, blank, type CheckContext, type Report, type Row, type Rule } from './context.ts';

const HEALTH = 'health assessments, dental checks, immunisations, development checks and convictions (the OC2 cohort is their denominator)';
const SDQ = 'the SDQ figures: share with a score, average score and the bands';

const OC2_ITEMS = ['CONVICTED', 'HEALTH_CHECK', 'IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'INTERVENTION_RECEIVED', 'INTERVENTION_OFFERED'];
const OC2_REQUIRED = ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE'];

/** Looked after continuously for the 12 months to 31 March of the context's year, on the stitched history. */
function inCohort(ctx: CheckContext, child: string): boolean {
  const history = ctx.ret.byId.get(child);
  return history !== undefined && inContinuousCare(history, ctx.start!, ctx.end!);
}

function oc2Rows(ctx: CheckContext): Row[] {
  return ctx.tables.OC2?.rows ?? [];
}

const sdqGiven = (row: Row): string[] => ['SDQ_SCORE', 'SDQ_REASON'].filter((c) => !blank(row.fields[c]));

export const outcomeRules: Rule[] = [
  {
    code: '190',
    severity: 'warning',
    table: 'OC2',
    fields: OC2_ITEMS,
    needs: ['OC2', 'Episodes'],
    needsYear: true,
    what: 'OC2 items are completed only for children looked after continuously for the 12 months to 31 March',
    protects: HEALTH,
    check(ctx: CheckContext, report: Report) {
      for (const row of oc2Rows(ctx)) {
        const child = row.fields.CHILD ?? '';
        const filled = OC2_ITEMS.filter((c) => !blank(row.fields[c]));
        if (filled.length > 0 && !inCohort(ctx, child)) {
          report(row, `Child ${child} has OC2 items completed (${filled.join(', ')}) but was not looked after continuously for the 12 months to ${ukDate(ctx.end!)}`, { fields: filled });
        }
      }
    },
  },
  {
    code: '191',
    severity: 'warning',
    table: 'OC2',
    fields: ['IMMUNISATIONS', 'TEETH_CHECK', 'HEALTH_ASSESSMENT', 'SUBSTANCE_MISUSE', 'CHILD'],
    needs: ['OC2', 'Episodes'],
    needsYear: true,
    what: 'every child looked after continuously for the 12 months to 31 March has an OC2 row with its items completed',
    protects: HEALTH,
    check(ctx, report) {
      const listed = new Set<string>();
      for (const row of oc2Rows(ctx)) {
        const child = row.fields.CHILD ?? '';
        listed.add(child);
        const missing = OC2_REQUIRED.filter((c) => blank(row.fields[c]));
        if (missing.length > 0 && inCohort(ctx, child)) {
          report(row, `Child ${child} was looked after continuously for the 12 months to ${ukDate(ctx.end!)} but OC2 leaves ${missing.join(', ')} blank`, { fields: missing });
        }
      }
      const oc2File = ctx.tables.OC2!.rows[0]?.file ?? 'the OC2 file';
      for (const [child, list] of ctx.episodesByChild) {
        if (listed.has(child) || !inCohort(ctx, child)) continue;
        report(list[0]!, `Child ${child} was looked after continuously for the 12 months to ${ukDate(ctx.end!)} but has no row in ${oc2File}`, { table: 'Episodes', fields: ['CHILD'] });
      }
    },
  },
  {
    code: '186',
    severity: 'warning',
    table: 'OC2',
    fields: ['SDQ_SCORE', 'SDQ_REASON'],
    needs: ['OC2', 'Episodes'],
    needsYear: true,
    what: 'an SDQ score or a reason for none is given for a cohort child aged 4 or over on 1 April and under 17 on 31 March',
    protects: SDQ,
    check(ctx, report) {
      for (const row of oc2Rows(ctx)) {
        const dob = dayFromUk(row.fields.DOB ?? '');
        if (dob === null || birthday(dob, 4) > ctx.start! || birthday(dob, 17) <= ctx.end!) continue;
        // A score, or the reason there is none (SDQ_REASON), is what the rule asks; a scored child needs no reason.
        if (sdqGiven(row).length === 0 && inCohort(ctx, row.fields.CHILD ?? '')) {
          report(row, `Child ${row.fields.CHILD}, aged 4 to 16 this year and in the 12-month cohort, has neither an SDQ score nor a reason for none`);
        }
      }
    },
  },
  {
    code: '197B',
    severity: 'warning',
    table: 'OC2',
    fields: ['SDQ_REASON', 'DOB'],
    needs: ['OC2', 'Episodes'],
    needsYear: true,
    what: 'a cohort child turning 4 or 17 during the year has an SDQ score or a reason for none',
    protects: SDQ,
    check(ctx, report) {
      for (const row of oc2Rows(ctx)) {
        const dob = dayFromUk(row.fields.DOB ?? '');
        if (dob === null || sdqGiven(row).length > 0) continue;
        const turns = [4, 17].find((n) => birthday(dob, n) >= ctx.start! && birthday(dob, n) <= ctx.end!);
        if (turns !== undefined && inCohort(ctx, row.fields.CHILD ?? '')) {
          report(row, `Child ${row.fields.CHILD} turns ${turns} this year and is in the 12-month cohort, but has neither an SDQ score nor a reason for none`);
        }
      }
    },
  },
  {
    code: '188',
    severity: 'warning',
    table: 'OC2',
    fields: ['SDQ_SCORE', 'SDQ_REASON'],
    needs: ['OC2'],
    needsYear: true,
    what: 'no SDQ score or reason for a child under 4 on 31 March',
    protects: SDQ,
    check(ctx, report) {
      for (const row of oc2Rows(ctx)) {
        const dob = dayFromUk(row.fields.DOB ?? '');
        const given = sdqGiven(row);
        if (dob !== null && given.length > 0 && birthday(dob, 4) > ctx.end!) {
          report(row, `Child ${row.fields.CHILD} is under 4 on ${ukDate(ctx.end!)} but has ${given.join(' and ')} completed`, { fields: given });
        }
      }
    },
  },
  {
    code: '189',
    severity: 'warning',
    table: 'OC2',
    fields: ['DOB', 'SDQ_SCORE', 'SDQ_REASON'],
    needs: ['OC2'],
    needsYear: true,
    what: 'no SDQ score or reason for a young person aged 17 or over on 1 April',
    protects: SDQ,
    check(ctx, report) {
      for (const row of oc2Rows(ctx)) {
        const dob = dayFromUk(row.fields.DOB ?? '');
        const given = sdqGiven(row);
        if (dob !== null && given.length > 0 && birthday(dob, 17) <= ctx.start!) {
          report(row, `Child ${row.fields.CHILD} is 17 or over on ${ukDate(ctx.start!)} but has ${given.join(' and ')} completed`, { fields: ['DOB', ...given] });
        }
      }
    },
  },
];
