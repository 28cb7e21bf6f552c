// Validator rules on one year's episodes: X1 chains, overlaps, new periods, and RNE against what changed.
import { normalisePostcode } from '../history.ts';
import { ukDate } from '../days.ts';
import { type CheckContext, type EpisodeRow, type Report, type Rule } from './context.ts';

const PERIODS = 'every figure: periods of care, children looked after at 31 March, starters and leavers';
const PLACEMENTS = 'placement counts (3+ placements, long-term stability) and starters';

/** Calls `fn` with each episode and its neighbours in the child's DECOM order. */
function eachEpisode(ctx: CheckContext, fn: (cur: EpisodeRow, prev: EpisodeRow | undefined, next: EpisodeRow | undefined) => void): void {
  for (const list of ctx.episodesByChild.values()) {
    for (let i = 0; i < list.length; i++) fn(list[i]!, list[i - 1], list[i + 1]);
  }
}

const ended = (e: EpisodeRow): string => (e.dec === null ? (e.fields.DEC ? `has DEC "${e.fields.DEC}"` : 'has no DEC') : `ended ${ukDate(e.dec)}`);
const related = (e: EpisodeRow) => [{ file: e.file, line: e.line }];

/** Ceasing reasons: the child left care, so whatever follows starts a new period. */
const CEASED_REC = new Set(['E2', 'E3', 'E4A', 'E4B', 'E5', 'E6', 'E7', 'E8', 'E9', 'E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17', 'E41', 'E45', 'E46', 'E47', 'E48']);
const CONTINUING_RNE = new Set(['P', 'L', 'T', 'U', 'B']);
const PLACEMENT_FIELDS = ['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const;

/** The placement fields that differ between two episodes (postcodes compared without spaces). */
function placementChanges(cur: EpisodeRow, prev: EpisodeRow): string[] {
  return PLACEMENT_FIELDS.filter((c) => {
    const a = cur.fields[c] ?? '';
    const b = prev.fields[c] ?? '';
    return c === 'PL_POST' ? normalisePostcode(a) !== normalisePostcode(b) : a !== b;
  });
}

const describeChanges = (cur: EpisodeRow, prev: EpisodeRow, changed: string[]): string =>
  changed.map((c) => `${c} ${prev.fields[c] || '(blank)'} → ${cur.fields[c] || '(blank)'}`).join(', ');

export const episodeRules: Rule[] = [
  {
    code: '388',
    severity: 'error',
    table: 'Episodes',
    fields: ['REC'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'REC X1 if and only if the next episode starts the day this one ends; the last episode must not end X1',
    protects: PERIODS,
    check(ctx: CheckContext, report: Report) {
      eachEpisode(ctx, (cur, _prev, next) => {
        const rec = cur.fields.REC ?? '';
        if (cur.dec === null) return;
        if (!next) {
          if (rec === 'X1') report(cur, `Episode ending X1 on ${ukDate(cur.dec)} is the child's last: X1 means a new episode starts the same day, and none does`);
        } else if (rec === 'X1' && next.decom !== cur.dec) {
          report(cur, `Episode ending X1 on ${ukDate(cur.dec)} is followed by one starting ${ukDate(next.decom)}, not the same day`, { related: related(next) });
        } else if (rec !== 'X1' && rec !== '' && next.decom === cur.dec) {
          report(cur, `Episode ended ${ukDate(cur.dec)} with REC ${rec}, but the next episode starts that same day: REC should be X1`, { related: related(next) });
        }
      });
    },
  },
  {
    code: '142',
    severity: 'error',
    table: 'Episodes',
    fields: ['DEC', 'REC'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'every episode but the last has a DEC and a REC',
    protects: PERIODS,
    check(ctx, report) {
      eachEpisode(ctx, (cur, _prev, next) => {
        if (!next) return;
        const missing = (['DEC', 'REC'] as const).filter((c) => !cur.fields[c]);
        if (missing.length > 0) {
          report(cur, `A new episode starts ${ukDate(next.decom)}, but the previous one (starting ${ukDate(cur.decom)}) has no ${missing.join(' or ')}`, { fields: missing, related: related(next) });
        }
      });
    },
  },
  {
    code: '501',
    severity: 'error',
    table: 'Episodes',
    fields: ['DECOM', 'DEC'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'an episode does not start before the previous one ended',
    protects: PERIODS,
    check(ctx, report) {
      eachEpisode(ctx, (cur, prev) => {
        if (prev?.dec != null && cur.decom < prev.dec) {
          report(cur, `Episode starting ${ukDate(cur.decom)} overlaps the previous one ending ${ukDate(prev.dec)}`, { related: related(prev) });
        }
      });
    },
  },
  {
    code: '431',
    severity: 'error',
    table: 'Episodes',
    fields: ['RNE', 'DECOM'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'RNE S (started to be looked after) only after a day out of care: not on or before the day the previous episode ended',
    protects: 'starters, re-entries and periods of care',
    check(ctx, report) {
      eachEpisode(ctx, (cur, prev) => {
        if (cur.fields.RNE === 'S' && prev?.dec != null && cur.decom <= prev.dec) {
          report(cur, `Episode starting ${ukDate(cur.decom)} has RNE S (a new period of care), but the previous episode ended ${ukDate(prev.dec)}, the same day or later`, {
            related: related(prev),
          });
        }
      });
    },
  },
  {
    code: '432',
    severity: 'error',
    table: 'Episodes',
    fields: ['RNE'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'after an episode ending with a ceasing reason (any REC but X1) the next episode has RNE S',
    protects: 'starters, re-entries and periods of care',
    check(ctx, report) {
      eachEpisode(ctx, (cur, prev) => {
        const prevRec = prev?.fields.REC ?? '';
        if (prev && CEASED_REC.has(prevRec) && cur.fields.RNE !== 'S') {
          report(cur, `The previous episode ended with REC ${prevRec} (the child ceased to be looked after), so the episode starting ${ukDate(cur.decom)} should have RNE S, not ${cur.fields.RNE || '(blank)'}`, {
            related: related(prev),
          });
        }
      });
    },
  },
  {
    code: '433',
    severity: 'error',
    table: 'Episodes',
    fields: ['RNE', 'DECOM'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'an episode continuing a period (RNE P, L, T, U or B) starts the day the previous episode ended',
    protects: PERIODS,
    check(ctx, report) {
      eachEpisode(ctx, (cur, prev) => {
        const rne = cur.fields.RNE ?? '';
        if (prev && CONTINUING_RNE.has(rne) && prev.dec !== cur.decom) {
          report(cur, `Episode starting ${ukDate(cur.decom)} has RNE ${rne} (continuing the period of care), but the previous episode ${ended(prev)}`, { related: related(prev) });
        }
      });
    },
  },
  {
    code: '434',
    severity: 'error',
    table: 'Episodes',
    fields: ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'RNE L: the legal status changed and nothing about the placement did',
    protects: PLACEMENTS,
    check(ctx, report) {
      eachEpisode(ctx, (cur, prev) => {
        if (!prev || cur.fields.RNE !== 'L') return;
        const changed = placementChanges(cur, prev);
        if (cur.fields.LS === prev.fields.LS) {
          report(cur, `Episode starting ${ukDate(cur.decom)} has RNE L (legal status changed), but LS stays ${cur.fields.LS || '(blank)'}`, { fields: ['RNE', 'LS'], related: related(prev) });
        } else if (changed.length > 0) {
          report(cur, `Episode starting ${ukDate(cur.decom)} has RNE L (legal status changed only), but the placement changed too: ${describeChanges(cur, prev, changed)}`, {
            fields: ['RNE', ...changed],
            related: related(prev),
          });
        }
      });
    },
  },
  {
    code: '435',
    severity: 'error',
    table: 'Episodes',
    fields: ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'RNE P or T: the placement changed and the legal status did not',
    protects: PLACEMENTS,
    check(ctx, report) {
      eachEpisode(ctx, (cur, prev) => {
        const rne = cur.fields.RNE ?? '';
        if (!prev || (rne !== 'P' && rne !== 'T')) return;
        if (cur.fields.LS !== prev.fields.LS) {
          report(cur, `Episode starting ${ukDate(cur.decom)} has RNE ${rne} (placement changed only), but LS changed too: ${prev.fields.LS || '(blank)'} → ${cur.fields.LS || '(blank)'}`, {
            fields: ['RNE', 'LS'],
            related: related(prev),
          });
        } else if (placementChanges(cur, prev).length === 0) {
          report(cur, `Episode starting ${ukDate(cur.decom)} has RNE ${rne} (placement changed), but PLACE, PL_POST, URN and PLACE_PROVIDER are all as before`, { related: related(prev) });
        }
      });
    },
  },
  {
    code: '436',
    severity: 'error',
    table: 'Episodes',
    fields: ['RNE', 'LS', 'PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'],
    needs: ['Episodes'],
    needsYear: false,
    what: 'RNE B or U: both the legal status and the placement changed',
    protects: PLACEMENTS,
    check(ctx, report) {
      eachEpisode(ctx, (cur, prev) => {
        const rne = cur.fields.RNE ?? '';
        if (!prev || (rne !== 'B' && rne !== 'U')) return;
        if (cur.fields.LS === prev.fields.LS) {
          report(cur, `Episode starting ${ukDate(cur.decom)} has RNE ${rne} (legal status and placement changed), but LS stays ${cur.fields.LS || '(blank)'}`, {
            fields: ['RNE', 'LS'],
            related: related(prev),
          });
        } else if (placementChanges(cur, prev).length === 0) {
          report(cur, `Episode starting ${ukDate(cur.decom)} has RNE ${rne} (legal status and placement changed), but PLACE, PL_POST, URN and PLACE_PROVIDER are all as before`, {
            related: related(prev),
          });
        }
      });
    },
  },
];
