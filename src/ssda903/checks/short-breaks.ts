// Validator rules on short breaks (LS V3/V4): their limits and the placements they cannot be in.
import { dayFromUk, ukDate } from '../days.ts';
import { TEMPORARY_PLACE } from '../tables.ts';
import { type CheckContext, type Report, type Row, type Rule } from './context.ts';

const SHORT_BREAKS = 'the short-break (V3/V4) exclusion in every figure: a mis-coded break moves a child into or out of the counts';

const rows = (ctx: CheckContext): Row[] => ctx.tables.Episodes?.rows ?? [];

export const shortBreakRules: Rule[] = [
  {
    code: '365',
    severity: 'warning',
    table: 'Episodes',
    fields: ['LS', 'DECOM', 'DEC'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'a single short break (LS V3) lasts no more than 17 days (one still open is measured to 31 March)',
    protects: SHORT_BREAKS,
    check(ctx: CheckContext, report: Report) {
      for (const row of rows(ctx)) {
        if (row.fields.LS !== 'V3') continue;
        const decom = dayFromUk(row.fields.DECOM ?? '');
        // An open break is measured to the end of the collection year; with no known year it cannot be measured.
        const dec = row.fields.DEC ? dayFromUk(row.fields.DEC) : (ctx.end ?? null);
        if (decom === null || dec === null || dec <= decom + 17) continue;
        report(row, `Short break (LS V3) from ${ukDate(decom)} to ${ukDate(dec)}${row.fields.DEC ? '' : ' (still open at the end of the year)'} lasts ${dec - decom} days: one break may last at most 17`);
      }
    },
  },
  {
    code: '367',
    severity: 'warning',
    table: 'Episodes',
    fields: ['LS', 'DECOM', 'DEC'],
    needs: ['Episodes'],
    needsYear: true,
    what: 'short breaks (LS V3) add up to no more than 75 days in the collection year',
    protects: SHORT_BREAKS,
    check(ctx, report) {
      const start = ctx.start!;
      const end = ctx.end!;
      const byChild = new Map<string, { row: Row; days: number }[]>();
      for (const row of rows(ctx)) {
        if (row.fields.LS !== 'V3') continue;
        const decom = dayFromUk(row.fields.DECOM ?? '');
        if (decom === null) continue;
        const dec = row.fields.DEC ? dayFromUk(row.fields.DEC) : end;
        const days = Math.min(dec ?? end, end) - Math.max(decom, start);
        if (days <= 0) continue;
        const child = row.fields.CHILD ?? '';
        let list = byChild.get(child);
        if (!list) byChild.set(child, (list = []));
        list.push({ row, days });
      }
      for (const [child, list] of byChild) {
        const total = list.reduce((n, b) => n + b.days, 0);
        if (total <= 75) continue;
        const lines = list.map((b) => ({ file: b.row.file, line: b.row.line }));
        for (const b of list) report(b.row, `Child ${child}'s short breaks (LS V3) add up to ${total} days in the year to ${ukDate(end)}: at most 75 are allowed`, { related: lines });
      }
    },
  },
  {
    code: '382',
    severity: 'warning',
    table: 'Episodes',
    fields: ['LS', 'PLACE'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'a short break (LS V3/V4) is not in a temporary placement (T0–T4)',
    protects: SHORT_BREAKS,
    check(ctx, report) {
      for (const row of rows(ctx)) {
        if ((row.fields.LS === 'V3' || row.fields.LS === 'V4') && TEMPORARY_PLACE.has(row.fields.PLACE ?? '')) {
          report(row, `Short break (LS ${row.fields.LS}) starting ${row.fields.DECOM} is recorded in temporary placement ${row.fields.PLACE}`);
        }
      }
    },
  },
  {
    code: '384',
    severity: 'warning',
    table: 'Episodes',
    fields: ['PLACE', 'LS'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'a short break (LS V3/V4) is not in a long-term foster placement (U1, U4)',
    protects: SHORT_BREAKS,
    check(ctx, report) {
      for (const row of rows(ctx)) {
        const place = row.fields.PLACE ?? '';
        if ((row.fields.LS === 'V3' || row.fields.LS === 'V4') && (place === 'U1' || place === 'U4')) {
          report(row, `Short break (LS ${row.fields.LS}) starting ${row.fields.DECOM} is recorded in long-term foster placement ${place}`);
        }
      }
    },
  },
  {
    code: '426',
    severity: 'warning',
    table: 'Episodes',
    fields: ['LS'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'a child is not recorded under both V3 and V4 in one year',
    protects: SHORT_BREAKS,
    check(ctx, report) {
      const byChild = new Map<string, { v3: boolean; v4: boolean; rows: Row[] }>();
      for (const row of rows(ctx)) {
        const ls = row.fields.LS;
        if (ls !== 'V3' && ls !== 'V4') continue;
        const child = row.fields.CHILD ?? '';
        let c = byChild.get(child);
        if (!c) byChild.set(child, (c = { v3: false, v4: false, rows: [] }));
        if (ls === 'V3') c.v3 = true;
        else c.v4 = true;
        c.rows.push(row);
      }
      for (const [child, c] of byChild) {
        if (!(c.v3 && c.v4)) continue;
        for (const row of c.rows) report(row, `Child ${child} has short breaks under both V3 and V4 in the same year`);
      }
    },
  },
];
