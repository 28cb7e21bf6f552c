// Validator rules on placements: postcodes and distance (blank for UASC and short breaks), and temporary placements.
import { normalisePostcode } from '../history.ts';
import { TEMPORARY_PLACE } from '../tables.ts';
import { ukDate } from '../days.ts';
import { blank, type CheckContext, type EpisodeRow, isShortBreak, type Report, type Row, type Rule } from './context.ts';

const DISTANCE = 'placed more than 20 miles from home, and placed out of the authority';
const TEMPORARY = 'placement counts: a temporary placement and the return from it fold into the placement around them';

/** The shape of a UK postcode (outward code, optional space, inward code), for when no postcode directory is loaded. */
const POSTCODE_SHAPE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/;

function episodeRows(ctx: CheckContext): Row[] {
  return ctx.tables.Episodes?.rows ?? [];
}

const startOf = (row: Row): string => (row.fields.DECOM ? `Episode starting ${row.fields.DECOM}` : 'Episode');

export const placementRules: Rule[] = [
  {
    code: '392a',
    severity: 'warning',
    table: 'Episodes',
    fields: ['PL_DISTANCE'],
    needs: ['Episodes'],
    needsColumn: 'PL_DISTANCE',
    needsYear: false,
    what: 'a distance is recorded for every episode except short breaks (V3/V4) and children who are or were UASC',
    protects: DISTANCE,
    check(ctx: CheckContext, report: Report) {
      for (const row of episodeRows(ctx)) {
        if (blank(row.fields.PL_DISTANCE) && !isShortBreak(row.fields) && !ctx.uasc.has(row.fields.CHILD ?? '')) {
          report(row, `${startOf(row)} has no PL_DISTANCE, and the child is not UASC and not on a short break`);
        }
      }
    },
  },
  {
    code: '392B',
    severity: 'warning',
    table: 'Episodes',
    fields: ['HOME_POST', 'PL_POST'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'HOME_POST and PL_POST are recorded for every episode except short breaks (V3/V4) and children who are or were UASC',
    protects: DISTANCE,
    check(ctx, report) {
      for (const row of episodeRows(ctx)) {
        if (isShortBreak(row.fields) || ctx.uasc.has(row.fields.CHILD ?? '')) continue;
        const missing = ['HOME_POST', 'PL_POST'].filter((c) => blank(row.fields[c]));
        if (missing.length > 0) report(row, `${startOf(row)} has no ${missing.join(' and no ')}, so the distance from home cannot be worked out`, { fields: missing });
      }
    },
  },
  {
    code: '392c',
    severity: 'warning',
    table: 'Episodes',
    fields: ['HOME_POST', 'PL_POST'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'HOME_POST and PL_POST, when given, are real postcodes: in the postcode directory when one is loaded, else of the postcode shape',
    protects: DISTANCE,
    check(ctx, report) {
      const directory = ctx.postcodes.size > 0;
      for (const row of episodeRows(ctx)) {
        const bad = ['HOME_POST', 'PL_POST'].filter((c) => {
          const v = row.fields[c] ?? '';
          if (v === '') return false;
          return directory ? !ctx.postcodes.has(normalisePostcode(v)) : !POSTCODE_SHAPE.test(v);
        });
        if (bad.length > 0) {
          const list = bad.map((c) => `${c} "${row.fields[c]}"`).join(' and ');
          report(row, `${startOf(row)}: ${list} ${directory ? 'not in the postcode directory' : 'not a postcode'}`, { fields: bad });
        }
      }
    },
  },
  {
    code: '164',
    severity: 'warning',
    table: 'Episodes',
    fields: ['PL_DISTANCE'],
    needs: ['Episodes'],
    needsColumn: 'PL_DISTANCE',
    needsYear: false,
    what: 'PL_DISTANCE, when given, is a number of miles from 0.0 to 999.9',
    protects: DISTANCE,
    check(ctx, report) {
      for (const row of episodeRows(ctx)) {
        const v = row.fields.PL_DISTANCE ?? '';
        if (v === '' || isShortBreak(row.fields) || ctx.uasc.has(row.fields.CHILD ?? '')) continue;
        const miles = Number(v);
        if (!Number.isFinite(miles) || miles < 0 || miles > 999.9) report(row, `${startOf(row)} has PL_DISTANCE "${v}", not a distance from 0.0 to 999.9 miles`);
      }
    },
  },
  {
    code: '406',
    severity: 'warning',
    table: 'Episodes',
    fields: ['PL_DISTANCE'],
    needs: ['Episodes'],
    needsColumn: 'PL_DISTANCE',
    needsYear: false,
    what: 'PL_DISTANCE is blank for children who are or were UASC',
    protects: DISTANCE,
    check(ctx, report) {
      for (const row of episodeRows(ctx)) {
        if (!blank(row.fields.PL_DISTANCE) && ctx.uasc.has(row.fields.CHILD ?? '')) {
          report(row, `${startOf(row)} has PL_DISTANCE ${row.fields.PL_DISTANCE}, but child ${row.fields.CHILD} is or was UASC: the distance should be blank`);
        }
      }
    },
  },
  {
    code: '398',
    severity: 'warning',
    table: 'Episodes',
    fields: ['LS', 'HOME_POST', 'PL_POST'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'no postcodes (so no distance) for short breaks (LS V3/V4)',
    protects: DISTANCE,
    check(ctx, report) {
      for (const row of episodeRows(ctx)) {
        if (!isShortBreak(row.fields)) continue;
        const given = ['HOME_POST', 'PL_POST'].filter((c) => !blank(row.fields[c]));
        if (given.length > 0) report(row, `${startOf(row)} is a short break (LS ${row.fields.LS}) but has ${given.join(' and ')}: they should be blank`, { fields: ['LS', ...given] });
      }
    },
  },
  {
    code: '380',
    severity: 'error',
    table: 'Episodes',
    fields: ['PLACE', 'RNE'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'a temporary placement (T0–T4) is entered by a change of placement (RNE P or B), never at the start of a period',
    protects: TEMPORARY,
    check(ctx, report) {
      for (const row of episodeRows(ctx)) {
        const rne = row.fields.RNE ?? '';
        if (TEMPORARY_PLACE.has(row.fields.PLACE ?? '') && rne !== 'P' && rne !== 'B') {
          report(row, `${startOf(row)} is a temporary placement (${row.fields.PLACE}) with RNE ${rne || '(blank)'}: a period of care cannot start with one, and it is entered with RNE P or B`);
        }
      }
    },
  },
  {
    code: '381',
    severity: 'error',
    table: 'Episodes',
    fields: ['PLACE', 'REC'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'a temporary placement (T0–T4) never ends a period of care: its REC is X1',
    protects: TEMPORARY,
    check(ctx, report) {
      for (const row of episodeRows(ctx)) {
        const rec = row.fields.REC ?? '';
        if (TEMPORARY_PLACE.has(row.fields.PLACE ?? '') && rec !== '' && rec !== 'X1') {
          report(row, `${startOf(row)} is a temporary placement (${row.fields.PLACE}) ending with REC ${rec}: a period of care cannot end with a temporary placement`);
        }
      }
    },
  },
  {
    code: '383',
    severity: 'error',
    table: 'Episodes',
    fields: ['PLACE'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'after a temporary placement between two episodes the child returns (RNE P) to the placement type held before it',
    protects: TEMPORARY,
    check(ctx, report) {
      for (const list of ctx.episodesByChild.values()) {
        for (let i = 1; i < list.length - 1; i++) {
          const cur: EpisodeRow = list[i]!;
          if (!TEMPORARY_PLACE.has(cur.fields.PLACE ?? '')) continue;
          const prev = list[i - 1]!;
          const next = list[i + 1]!;
          if (next.fields.RNE !== 'P' || next.fields.PLACE !== prev.fields.PLACE) {
            report(
              cur,
              `Temporary placement ${cur.fields.PLACE} starting ${ukDate(cur.decom)} is followed by ${next.fields.PLACE || '(blank)'} with RNE ${next.fields.RNE || '(blank)'}, not a return (RNE P) to ${prev.fields.PLACE || '(blank)'}`,
              { related: [{ file: prev.file, line: prev.line }, { file: next.file, line: next.line }] },
            );
          }
        }
      }
    },
  },
];
