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

/** The fields of a record holding them (a round's row), and no others. */
export const reportTextOf = (row: ReportText): ReportText => Object.fromEntries(REPORT_TEXT_KEYS.map((k) => [k, row[k]])) as ReportText;

/** Each section of the annual report, as a snapshot names it, and the field it is written in. */
const ANNUAL_FIELDS = {
  summary: 'annualSummary',
  recommendations: 'annualRecommendations',
  background: 'annualBackground',
  achievements: 'annualAchievements',
  development: 'annualDevelopment',
} as const satisfies Record<string, ReportTextKey>;

type AnnualSection = keyof typeof ANNUAL_FIELDS;
const ANNUAL_SECTIONS = Object.keys(ANNUAL_FIELDS) as AnnualSection[];

/** The annual report's sections as a snapshot keeps them. */
export type AnnualReportText = Record<AnnualSection, string>;

export const annualOf = (t: ReportText): AnnualReportText => Object.fromEntries(ANNUAL_SECTIONS.map((s) => [s, t[ANNUAL_FIELDS[s]]])) as AnnualReportText;

/** The fields the annual report's sections are written in, each text passed through `each` (e.g. moved in time). */
export const annualFields = (a: AnnualReportText, each: (text: string) => string = (t) => t): Partial<ReportText> =>
  Object.fromEntries(ANNUAL_SECTIONS.map((s) => [ANNUAL_FIELDS[s], each(a[s])]));
