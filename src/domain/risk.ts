// Risk scoring: likelihood 1–5 × impact 1–5, its rating band and its trend between two scores.

export interface RiskScoreValue {
  likelihood: number;
  impact: number;
}

export const riskScore = (s: RiskScoreValue): number => s.likelihood * s.impact;

/** Bands of the usual 5×5 matrix: 1–4 low, 5–9 medium, 10–14 high, 15–25 very high. */
export function riskRating(score: number): 'low' | 'medium' | 'high' | 'very high' {
  return score >= 15 ? 'very high' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low';
}

export function riskTrend(previous: RiskScoreValue | null, current: RiskScoreValue): 'rising' | 'falling' | 'steady' | 'new' {
  if (previous === null) return 'new';
  const d = riskScore(current) - riskScore(previous);
  return d > 0 ? 'rising' : d < 0 ? 'falling' : 'steady';
}
