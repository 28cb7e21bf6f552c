// A plan's next year: the title with its years moved on ("2025-26" → "2026-27") and the period
// after the plan's own, a year long (a financial year, 1 April to 31 March, when the plan has none).
import { addDays } from './dates.ts';
import { slugFrom } from './plan-document.ts';

const addYear = (iso: string): string => `${Number(iso.slice(0, 4)) + 1}${iso.slice(4)}`;

/** "2025-26", "2025/26", "2025-2026", "2025 to 2026" or a lone year, each moved on a year. */
export function yearsMovedOn(title: string): string | null {
  const span = /\b(\d{4})(\s*[-–/]\s*|\s+to\s+)(\d{4}|\d{2})\b/;
  const m = span.exec(title);
  if (m) {
    const [whole, from, sep, to] = m as unknown as [string, string, string, string];
    const next = to.length === 2 ? String((Number(to) + 1) % 100).padStart(2, '0') : String(Number(to) + 1);
    return title.replace(whole, `${Number(from) + 1}${sep}${next}`);
  }
  const lone = /\b(19|20)(\d{2})\b/.exec(title);
  if (lone) return title.replace(lone[0], String(Number(lone[0]) + 1));
  return null;
}

/** The financial year a date falls in, written "2026-27". */
export function financialYear(iso: string): string {
  const year = Number(iso.slice(0, 4));
  const start = Number(iso.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export interface NextYear {
  title: string;
  slug: string;
  periodStart: string;
  periodEnd: string;
}

/** What a plan rolled into next year is called and covers, unless the person says otherwise. */
export function nextYearOf(plan: { title: string; periodEnd: string | null }, today: string): NextYear {
  const periodStart = plan.periodEnd !== null ? addDays(plan.periodEnd, 1) : `${Number(financialYear(today).slice(0, 4)) + 1}-04-01`;
  const periodEnd = addDays(addYear(periodStart), -1);
  const title = yearsMovedOn(plan.title) ?? `${plan.title} ${financialYear(periodStart)}`;
  return { title, slug: slugFrom(title), periodStart, periodEnd };
}
