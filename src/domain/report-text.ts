// What the authors write for a round's board reports, field by field: the executive summary's overall
// narrative and decisions required, and the annual report's own sections (as the seed annual report
// names them: summary, recommendations to council, background, the year's achievements, areas for
// development). One list serves the form, the checks, the audit trail's words and the reports.

export const REPORT_TEXT_FIELDS = [
  { key: 'narrative', label: 'Overall narrative', max: 20_000, report: 'exec-summary' },
  { key: 'decisions', label: 'Decisions required', max: 5_000, report: 'exec-summary', plural: true },
  { key: 'annualSummary', label: 'Summary', max: 20_000, report: 'annual' },
  { key: 'annualRecommendations', label: 'Recommendations', max: 5_000, report: 'annual', plural: true },
  { key: 'annualBackground', label: 'Background', max: 20_000, report: 'annual' },
  { key: 'annualAchievements', label: 'Achievements', max: 20_000, report: 'annual' },
  { key: 'annualDevelopment', label: 'Areas for development', max: 20_000, report: 'annual' },
] as const;

export type ReportTextKey = (typeof REPORT_TEXT_FIELDS)[number]['key'];

/** Every field's text: '' where nothing was written. Paragraphs are separated by blank lines; decisions and recommendations are one a line. */
export type ReportText = Record<ReportTextKey, string>;

export const REPORT_TEXT_KEYS: readonly ReportTextKey[] = REPORT_TEXT_FIELDS.map((f) => f.key);

export const EMPTY_REPORT_TEXT: ReportText = Object.fromEntries(REPORT_TEXT_KEYS.map((k) => [k, ''])) as ReportText;

/** Text as stored: Windows and old Mac line endings made plain, and trimmed. */
export const normaliseReportText = (s: string): string => s.replace(/\r\n?/g, '\n').trim();

/** The annual report's sections as a snapshot keeps them. */
export interface AnnualReportText {
  summary: string;
  recommendations: string;
  background: string;
  achievements: string;
  development: string;
}

export const annualOf = (t: ReportText): AnnualReportText => ({
  summary: t.annualSummary,
  recommendations: t.annualRecommendations,
  background: t.annualBackground,
  achievements: t.annualAchievements,
  development: t.annualDevelopment,
});
