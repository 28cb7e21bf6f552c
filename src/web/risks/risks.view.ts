// The risk register's view: the 5×5 heat map of likelihood × impact and the register's rows.
import { riskRating, riskScore } from '../../domain/risk.ts';
import type { RiskView } from '../../services/risk.service.ts';
import type { ActionLink } from '../kit/action-links.ts';
import { riskAnchors, riskFormPath } from '../kit/paths.ts';
import { textBlocks, type TextBlock } from '../../domain/text-blocks.ts';

type Rating = ReturnType<typeof riskRating>;

/** The usual names of the five points on each scale. */
export const likelihoodLabels = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const impactLabels = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

export const ratingLabel = (r: Rating): string => r.charAt(0).toUpperCase() + r.slice(1);
/** CSS modifier for a band: the colour always comes with the band's name in words. */
export const bandClass = (r: Rating): string => r.replace(' ', '-');
const TAG_COLOUR: Record<Rating, string> = { low: 'govuk-tag--green', medium: 'govuk-tag--yellow', high: 'govuk-tag--orange', 'very high': 'govuk-tag--red' };

export interface HeatCell {
  likelihood: number;
  impact: number;
  score: number;
  rating: string;
  band: string;
  risks: { reference: string; title: string; href: string }[];
}

export interface HeatRow {
  likelihood: number;
  label: string;
  cells: HeatCell[];
}

export interface HeatMap {
  columns: { impact: number; label: string }[];
  rows: HeatRow[];
  counted: number;
  /** Open risks not yet given a score, which cannot sit on the map. */
  unscored: number;
}

/** Open risks by their current likelihood (rows, 5 at the top) and impact (columns, 1 at the left). */
export function heatMap(risks: RiskView[]): HeatMap {
  const anchors = riskAnchors(risks);
  const open = risks.filter((r) => r.status !== 'closed');
  const scored = open.filter((r) => r.likelihood >= 1 && r.likelihood <= 5 && r.impactScore >= 1 && r.impactScore <= 5);
  const rows: HeatRow[] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    const cells: HeatCell[] = [];
    for (let impact = 1; impact <= 5; impact++) {
      const score = riskScore({ likelihood, impact });
      const rating = riskRating(score);
      cells.push({
        likelihood,
        impact,
        score,
        rating: ratingLabel(rating),
        band: bandClass(rating),
        risks: scored
          .filter((r) => r.likelihood === likelihood && r.impactScore === impact)
          .map((r) => ({ reference: r.reference, title: r.title, href: `#${anchors.get(r.id)}` })),
      });
    }
    rows.push({ likelihood, label: likelihoodLabels[likelihood - 1]!, cells });
  }
  return {
    columns: impactLabels.map((label, i) => ({ impact: i + 1, label })),
    rows,
    counted: scored.length,
    unscored: open.length - scored.length,
  };
}

const TREND_TEXT: Record<RiskView['trend'], string> = { rising: 'Rising', falling: 'Falling', steady: 'Steady', new: 'New' };

export interface RiskRow {
  anchor: string;
  reference: string;
  title: string;
  plan: string | null;
  impact: TextBlock[];
  mitigation: TextBlock[];
  likelihood: number | null;
  likelihoodLabel: string;
  impactScore: number | null;
  impactLabel: string;
  score: number | null;
  rating: string;
  ratingTag: string;
  owner: string;
  reviewDate: string | null;
  trend: string;
  closed: boolean;
  closedOn: string | null;
  closedReason: string;
  actions: ActionLink[];
  measures: { code: string; title: string }[];
  /** Every score, newest first: the day, the numbers, the trend from the one before, the reason. */
  history: { assessedOn: string; likelihood: number; impact: number; score: number; trend: string; note: string; by: string }[];
  editHref: string;
  scoreHref: string;
  closeHref: string;
}

export function riskRow(r: RiskView, anchor: string, link: (key: string) => ActionLink): RiskRow {
  const scored = r.likelihood >= 1 && r.impactScore >= 1;
  return {
    anchor,
    reference: r.reference,
    title: r.title,
    plan: r.plan,
    impact: textBlocks(r.impact),
    mitigation: textBlocks(r.mitigation),
    likelihood: scored ? r.likelihood : null,
    likelihoodLabel: likelihoodLabels[r.likelihood - 1] ?? '',
    impactScore: scored ? r.impactScore : null,
    impactLabel: impactLabels[r.impactScore - 1] ?? '',
    score: scored ? r.score : null,
    rating: ratingLabel(r.rating),
    ratingTag: TAG_COLOUR[r.rating],
    owner: r.owner,
    reviewDate: r.reviewDate,
    trend: r.trend !== 'new' && r.previousScore !== null ? `${TREND_TEXT[r.trend]} (was ${r.previousScore})` : TREND_TEXT[r.trend],
    closed: r.status === 'closed',
    closedOn: r.closedOn,
    closedReason: r.closedReason,
    actions: r.actions.map(link),
    measures: r.measures.map((m) => ({ code: m.code, title: m.title })),
    history: r.history
      .map((h, i) => {
        const before = i > 0 ? r.history[i - 1]! : null;
        const trend = before === null ? 'First score' : h.score > before.score ? 'Rising' : h.score < before.score ? 'Falling' : 'Steady';
        return { assessedOn: h.assessedOn, likelihood: h.likelihood, impact: h.impact, score: h.score, trend, note: h.note, by: h.recordedBy };
      })
      .reverse(),
    editHref: riskFormPath(r.id, 'edit'),
    scoreHref: riskFormPath(r.id, 'score'),
    closeHref: riskFormPath(r.id, 'close'),
  };
}
