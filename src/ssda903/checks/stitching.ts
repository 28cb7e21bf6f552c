// Validator rules joining a year's episodes to last year's: the open episode carries on unchanged, nothing is lost.
import { normalisePostcode } from '../history.ts';
import { ukDate } from '../days.ts';
import { type CheckContext, type EpisodeRow, type Report, type Rule } from './context.ts';

const STITCH = 'figures across years: the stitched history behind every month-end figure, 3+ placements and long-term stability';

/** This year's first episode of each child paired with last year's final one (latest DECOM), worked out once a year. */
const pairsOf = new WeakMap<CheckContext, [EpisodeRow, EpisodeRow][]>();

function firstAndLastYears(ctx: CheckContext, fn: (first: EpisodeRow, lastYearFinal: EpisodeRow) => void): void {
  let pairs = pairsOf.get(ctx);
  if (!pairs) {
    pairs = [];
    const previous = ctx.last?.episodesByChild;
    for (const [child, list] of previous ? ctx.episodesByChild : []) {
      const before = previous!.get(child);
      if (before && before.length > 0) pairs.push([list[0]!, before[before.length - 1]!]);
    }
    pairsOf.set(ctx, pairs);
  }
  for (const [first, final] of pairs) fn(first, final);
}

const where = (e: EpisodeRow) => [{ file: e.file, line: e.line }];

interface Carried {
  letter: string;
  field: string;
  label: string;
  severity: 'error' | 'warning';
  needsColumn?: string;
  needsPostcodes?: boolean;
  protects: string;
  /** The value compared, or null when it cannot be compared (no postcode directory entry …). */
  value(e: EpisodeRow, ctx: CheckContext): string | null;
  differs?(a: string, b: string): boolean;
}

const field = (name: string) => (e: EpisodeRow) => e.fields[name] ?? '';

const CARRIED: Carried[] = [
  { letter: 'A', field: 'RNE', label: 'reason for new episode', severity: 'error', protects: 'starters and re-entries', value: field('RNE') },
  { letter: 'B', field: 'LS', label: 'legal status', severity: 'error', protects: 'the V3/V4 short-break exclusion in every figure', value: field('LS') },
  { letter: 'C', field: 'CIN', label: 'category of need', severity: 'warning', protects: 'category-of-need breakdowns', value: field('CIN') },
  { letter: 'D', field: 'PLACE', label: 'placement type', severity: 'error', protects: 'placement counts and placement-type breakdowns', value: field('PLACE') },
  { letter: 'E', field: 'PLACE_PROVIDER', label: 'placement provider', severity: 'warning', protects: 'placement counts', value: field('PLACE_PROVIDER') },
  { letter: 'F', field: 'URN', label: 'Ofsted URN', severity: 'warning', protects: 'placement counts', value: field('URN') },
  {
    letter: 'G',
    field: 'PL_DISTANCE',
    label: 'distance',
    severity: 'warning',
    needsColumn: 'PL_DISTANCE',
    protects: 'placed more than 20 miles from home',
    value: field('PL_DISTANCE'),
    // The validator allows for rounding: 0.2 miles or more apart is a change.
    differs: (a, b) => {
      const x = Number(a);
      const y = Number(b);
      return a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) >= 0.2;
    },
  },
  {
    letter: 'H',
    field: 'PL_POST',
    label: 'placement local authority (from the placement postcode)',
    severity: 'warning',
    needsPostcodes: true,
    protects: 'placed out of the authority',
    value: (e, ctx) => ctx.postcodes.get(normalisePostcode(e.fields.PL_POST ?? ''))?.laCode ?? null,
  },
  { letter: 'J', field: 'PL_LOCATION', label: 'placement location', severity: 'warning', needsColumn: 'PL_LOCATION', protects: 'placed out of the authority', value: field('PL_LOCATION') },
];

function carriedRule(c: Carried): Rule {
  return {
    code: `503${c.letter}`,
    severity: c.severity,
    table: 'Episodes',
    fields: [c.field],
    needs: ['Episodes'],
    needsLast: ['Episodes'],
    ...(c.needsColumn ? { needsColumn: c.needsColumn } : {}),
    needsYear: false,
    what: `the first episode this year has the ${c.label} of the episode left open at the end of last year`,
    protects: c.protects,
    check(ctx, report) {
      if (c.needsPostcodes && ctx.postcodes.size === 0) return;
      if (c.needsColumn && !ctx.last?.tables.Episodes?.columns.has(c.needsColumn)) return;
      firstAndLastYears(ctx, (first, final) => {
        if (final.fields.DEC) return;
        const now = c.value(first, ctx);
        const then = c.value(final, ctx);
        if (now === null || then === null) return;
        if (c.differs ? c.differs(now, then) : now !== then) {
          report(first, `First episode this year (starting ${ukDate(first.decom)}) has ${c.field === 'PL_POST' ? 'placement LA' : c.field} ${now || '(blank)'}, but the episode open at the end of last year had ${then || '(blank)'}`, {
            related: where(final),
          });
        }
      });
    },
  };
}

export const stitchingRules: Rule[] = [
  {
    code: '502',
    severity: 'error',
    table: 'Episodes',
    fields: ['DECOM'],
    needs: ['Episodes'],
    needsLast: ['Episodes'],
    needsYear: false,
    what: "an episode open at the end of last year's return starts the same day as this year's first episode for the child",
    protects: STITCH,
    check(ctx: CheckContext, report: Report) {
      const previous = ctx.last!.episodesByChild;
      for (const [child, list] of ctx.episodesByChild) {
        const first = list[0]!;
        for (const e of previous.get(child) ?? []) {
          if (!e.fields.DEC && e.decom !== first.decom) {
            report(first, `Last year's return ends with an open episode starting ${ukDate(e.decom)}, but this year's first episode starts ${ukDate(first.decom)}`, { related: where(e) });
            break;
          }
        }
      }
    },
  },
  ...CARRIED.map(carriedRule),
  {
    code: '562',
    severity: 'error',
    table: 'Episodes',
    fields: ['DECOM'],
    needs: ['Episodes'],
    needsLast: ['Episodes'],
    needsYear: true,
    what: "a child's first episode starting before this collection year is last year's final episode",
    protects: STITCH,
    check(ctx, report) {
      const previous = ctx.last!.episodesByChild;
      for (const [child, list] of ctx.episodesByChild) {
        const first = list[0]!;
        if (first.decom >= ctx.start!) continue;
        const before = previous.get(child);
        const final = before?.[before.length - 1];
        if (final?.decom === first.decom) continue;
        report(
          first,
          final
            ? `Episode starting ${ukDate(first.decom)}, before this collection year, is not last year's final episode for the child (that one starts ${ukDate(final.decom)})`
            : `Episode starting ${ukDate(first.decom)}, before this collection year, is not in last year's return`,
          final ? { related: where(final) } : {},
        );
      }
    },
  },
  {
    code: 'NoE',
    severity: 'error',
    table: 'Episodes',
    fields: ['DECOM'],
    needs: ['Episodes'],
    needsLast: ['Episodes'],
    needsYear: true,
    what: "a child with an episode starting before this collection year has episodes in last year's return",
    protects: STITCH,
    check(ctx, report) {
      const previous = ctx.last!.episodesByChild;
      for (const [child, list] of ctx.episodesByChild) {
        if (previous.has(child)) continue;
        for (const e of list) {
          if (e.decom < ctx.start!) report(e, `Episode starting ${ukDate(e.decom)} began before this collection year, but last year's return has no episode for child ${child}`);
        }
      }
    },
  },
];
