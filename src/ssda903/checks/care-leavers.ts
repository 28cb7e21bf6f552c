// Validator rules on OC3: who is a care leaver this year, and IN_TOUCH, ACTIV and ACCOM coded consistently.
import { SHORT_BREAK } from '../episode-columns.ts';
import { dayFromParts, dayFromUk, ymdFromDay, ukDate, yearStart } from '../days.ts';
import { birthday, blank, type CheckContext, type Report, type Row, type Rule, ageInYear } from './context.ts';

const COHORT = 'care leavers in touch, in education, employment or training, and in suitable accommodation: who is in the denominator';
const CODING = 'care leavers in touch, EET/NEET and suitable accommodation: the numerators';
const OC3_ITEMS = ['IN_TOUCH', 'ACTIV', 'ACCOM'];

const oc3Rows = (ctx: CheckContext): Row[] => ctx.tables.OC3?.rows ?? [];
const given = (row: Row): string[] => OC3_ITEMS.filter((c) => !blank(row.fields[c]));

/** OC3 rows with a readable DOB and at least one item completed, with the DOB as a day. */
function completedRows(ctx: CheckContext, fn: (row: Row, dob: number, items: string[]) => void): void {
  for (const row of oc3Rows(ctx)) {
    const dob = dayFromUk(row.fields.DOB ?? '');
    const items = given(row);
    if (dob !== null && items.length > 0) fn(row, dob, items);
  }
}

/** Aged 17 or 18 on 31 March: the two birthdays after which a young person may still be looked after. */
const aged17or18 = (dob: number, end: number): boolean => birthday(dob, 17) <= end && birthday(dob, 19) > end;

export const careLeaverRules: Rule[] = [
  {
    code: '1007',
    severity: 'warning',
    table: 'OC3',
    fields: OC3_ITEMS,
    needs: ['OC3', 'Episodes'],
    needsYear: true,
    what: 'no care-leaver information for a 17- or 18-year-old who was still looked after on their birthday this year',
    protects: COHORT,
    check(ctx: CheckContext, report: Report) {
      completedRows(ctx, (row, dob, items) => {
        if (!aged17or18(dob, ctx.end!)) return;
        const age = ageInYear(ymdFromDay(dob), ctx.year!);
        const day = birthday(dob, age);
        const onBirthday = (ctx.episodesByChild.get(row.fields.CHILD ?? '') ?? []).find((e) => e.decom <= day && (e.dec === null ? !e.fields.DEC : e.dec > day));
        if (onBirthday) {
          report(row, `Young person ${row.fields.CHILD} was still looked after on their ${age}th birthday (${ukDate(day)}), so no care-leaver information is due, but ${items.join(', ')} completed`, {
            fields: items,
            related: [{ file: onBirthday.file, line: onBirthday.line }],
          });
        }
      });
    },
  },
  {
    code: '1016',
    severity: 'warning',
    table: 'OC3',
    fields: OC3_ITEMS,
    needs: ['OC3', 'Episodes'],
    needsYear: true,
    what: 'no care-leaver information for a 17- or 18-year-old who ceased to be looked after on or after their birthday in the year',
    protects: COHORT,
    check(ctx, report) {
      completedRows(ctx, (row, dob, items) => {
        if (!aged17or18(dob, ctx.end!)) return;
        // The birthday in the year (17th or 18th), as the rule's message says: one who left care between the two is a care leaver at 18.
        const age = ageInYear(ymdFromDay(dob), ctx.year!);
        const day = birthday(dob, age);
        const after = (ctx.episodesByChild.get(row.fields.CHILD ?? '') ?? []).find((e) => e.dec !== null && e.dec >= day);
        if (after) {
          report(row, `Young person ${row.fields.CHILD} was looked after until ${ukDate(after.dec!)}, on or after their ${age}th birthday (${ukDate(day)}), so no care-leaver information is due this year, but ${items.join(', ')} completed`, {
            fields: items,
            related: [{ file: after.file, line: after.line }],
          });
        }
      });
    },
  },
  {
    code: '391',
    severity: 'warning',
    table: 'OC3',
    fields: ['DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
    needs: ['OC3'],
    needsYear: true,
    what: 'care-leaver information only for young people whose 17th to 21st birthday falls in the year',
    protects: COHORT,
    check(ctx, report) {
      completedRows(ctx, (row, dob) => {
        const age = ageInYear(ymdFromDay(dob), ctx.year!);
        if (age < 17 || age > 21) {
          report(row, `Young person ${row.fields.CHILD} turns ${age} in the year to ${ukDate(ctx.end!)}: OC3 is for those turning 17 to 21`, { fields: ['DOB'] });
        }
      });
    },
  },
  {
    code: '1001',
    severity: 'warning',
    table: 'OC3',
    fields: OC3_ITEMS,
    needs: ['OC3', 'Episodes', 'Header'],
    needsLast: ['Episodes'],
    needsYear: true,
    what: 'a young person with care-leaver information was looked after at least 13 weeks since their 14th birthday and for a day since their 16th, and was not adopted',
    protects: COHORT,
    check(ctx, report) {
      const end = ctx.end!;
      // The first day any Episodes file loaded covers: care before it is not seen.
      const seenFrom = yearStart(Math.min(...(ctx.ret.tableYears.get('Episodes') ?? []), ctx.year!));
      completedRows(ctx, (row, _dob, items) => {
        const child = ctx.ret.byId.get(row.fields.CHILD ?? '');
        const ymd = child?.dob;
        if (!child || !ymd) return;
        const dob = dayFromParts(ymd.y, ymd.m, ymd.d)!;
        // Older young people left care before the returns loaded here begin: the rule cannot see their care.
        if (birthday(dob, 20) <= end) return;
        const b14 = birthday(dob, 14);
        const b16 = birthday(dob, 16);
        let since14 = 0;
        let since16 = 0;
        // The child's episodes, read in the history's columns.
        const { decom, dec, flags, rec } = child.store;
        let final = -1;
        for (let i = child.first; i < child.first + child.count; i++) {
          if (decom[i]! > end) break;
          final = i;
          if (flags[i]! & SHORT_BREAK) continue;
          const to = Math.min(dec[i]!, end);
          since14 += Math.max(0, to - Math.max(decom[i]!, b14));
          since16 += Math.max(0, to - Math.max(decom[i]!, b16));
        }
        const finalRec = final === -1 ? '' : child.store.text(rec, final);
        let why: string | undefined;
        /** The birthday a test of care counts from, when that test failed. */
        let from: number | undefined;
        if (finalRec === 'E11' || finalRec === 'E12') why = `was adopted (REC ${finalRec} on ${ukDate(dec[final]!)})`;
        else if (since14 < 91) [why, from] = [`was looked after ${since14} days since their 14th birthday in the returns loaded, under the 91 a care leaver needs`, b14];
        else if (since16 < 1) [why, from] = ['was not looked after on any day since their 16th birthday', b16];
        if (!why) return;
        // A short history: that birthday is before the returns loaded begin, so the care since it is not all seen.
        const message =
          from !== undefined && from < seenFrom
            ? `Young person ${row.fields.CHILD} ${why}, but ${items.join(', ')} completed; the returns loaded begin on ${ukDate(seenFrom)}, after that birthday (${ukDate(from)}), so care before then is not seen: load the earlier years, or check that they are a care leaver`
            : `Young person ${row.fields.CHILD} ${why}, so is not a care leaver, but ${items.join(', ')} completed`;
        report(row, message, { fields: items });
      });
    },
  },
  {
    code: '344',
    severity: 'warning',
    table: 'OC3',
    fields: OC3_ITEMS,
    needs: ['OC3'],
    needsYear: false,
    what: 'ACTIV and ACCOM are 0 for a young person who died or returned home for 6 months or more (IN_TOUCH DIED or RHOM)',
    protects: CODING,
    check(ctx, report) {
      for (const row of oc3Rows(ctx)) {
        const inTouch = row.fields.IN_TOUCH ?? '';
        if (inTouch !== 'DIED' && inTouch !== 'RHOM') continue;
        const wrong = ['ACTIV', 'ACCOM'].filter((c) => row.fields[c] !== '0');
        if (wrong.length > 0) {
          report(row, `IN_TOUCH is ${inTouch}, so ACTIV and ACCOM should be 0, but ${wrong.map((c) => `${c} is ${row.fields[c] || '(blank)'}`).join(' and ')}`, { fields: ['IN_TOUCH', ...wrong] });
        }
      }
    },
  },
  {
    code: '345',
    severity: 'warning',
    table: 'OC3',
    fields: OC3_ITEMS,
    needs: ['OC3'],
    needsYear: false,
    what: 'ACTIV and ACCOM are known (not 0) for a young person the authority is in touch with (IN_TOUCH YES)',
    protects: CODING,
    check(ctx, report) {
      for (const row of oc3Rows(ctx)) {
        if (row.fields.IN_TOUCH !== 'YES') continue;
        const zero = ['ACTIV', 'ACCOM'].filter((c) => row.fields[c] === '0');
        if (zero.length > 0) report(row, `IN_TOUCH is YES, but ${zero.join(' and ')} ${zero.length > 1 ? 'are' : 'is'} 0 (not known)`, { fields: ['IN_TOUCH', ...zero] });
      }
    },
  },
  {
    code: '3001',
    severity: 'warning',
    table: 'OC3',
    fields: ['ACCOM', 'DOB'],
    needs: ['OC3'],
    needsYear: true,
    what: 'ACCOM Z (with former foster carers) is not used for a young person turning 17 in the year',
    protects: 'care leavers in suitable accommodation, and staying put',
    check(ctx, report) {
      for (const row of oc3Rows(ctx)) {
        const accom = row.fields.ACCOM ?? '';
        const dob = dayFromUk(row.fields.DOB ?? '');
        if (!accom.startsWith('Z') || dob === null) continue;
        if (ageInYear(ymdFromDay(dob), ctx.year!) === 17) report(row, `Young person ${row.fields.CHILD} turns 17 in the year, but ACCOM ${accom} (with former foster carers) is only for those 18 or over`);
      }
    },
  },
];
