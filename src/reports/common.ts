// What every board report shares: its input (a snapshot's stored content and the one before it), the
// cover, dates and ratings as a board reads them, and the last pass that expands each acronym on its
// first use and lists every acronym used in a glossary section.
import { BRAG_LABEL, type Brag } from '../domain/brag.ts';
import { longDate } from '../domain/dates.ts';
import type { SnapshotAction, SnapshotContent, SnapshotGlossaryTerm, SnapshotPlan } from '../domain/snapshot.ts';
import { textBlocks } from '../domain/text-blocks.ts';
import { paragraph, section, text, type Block, type Inline, type ReportCover, type ReportDocument, type Section, type TableCell } from './model.ts';

/** The three board reports. */
export const REPORT_KINDS = ['exec-summary', 'annual', 'scrutiny'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const isReportKind = (v: unknown): v is ReportKind => typeof v === 'string' && (REPORT_KINDS as readonly string[]).includes(v);

export const REPORT_TITLES: Record<ReportKind, string> = {
  'exec-summary': 'Quarterly executive summary',
  annual: 'Annual board report',
  scrutiny: 'Scrutiny progress pack',
};

/** What a report is built from: nothing live, so the same input gives the same document. */
export interface ReportInput {
  /** The snapshot's header; for a draft, the round's. */
  snapshot: { name: string; period: string; periodStart: string; periodEnd: string };
  content: SnapshotContent;
  /** The snapshot before it (for what changed since the last board), or null for the first. */
  previous: SnapshotContent | null;
  /** Marks the cover "Draft — not yet reported". */
  draft: boolean;
  /** The authority's name when the snapshot does not hold it (snapshots taken before it was frozen). */
  authority?: string;
}

export const DRAFT_MARK = 'Draft — not yet reported';

export { longDate };

/** "As reported to the Corporate Parenting Board on 6 November 2026" from the snapshot's name. */
const sentence = (s: string): string => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));

export function coverOf(input: ReportInput, kind: ReportKind): ReportCover {
  return {
    title: REPORT_TITLES[kind],
    authority: input.content.report?.authority || input.authority || '',
    asAt: `As at ${longDate(input.snapshot.periodEnd)}`,
    reported: input.draft ? DRAFT_MARK : sentence(input.snapshot.name),
    draft: input.draft,
  };
}

/** A BRAG status as a cell: the word beside the colour; "Blue" is complete. */
export const bragCell = (b: Brag | null): TableCell => ({ kind: 'rating', rating: b, text: b === null ? 'No status' : b === 'B' ? 'Blue (complete)' : BRAG_LABEL[b] });

export const dateCell = (iso: string | null): TableCell => (iso === null ? text('—') : { kind: 'date', date: iso });

export const lines = (ls: string[]): TableCell => ({ kind: 'lines', lines: ls });

/** "Jo Example / Head of Placements", or "—". */
export const ownersText = (a: SnapshotAction): string => (a.owners.length === 0 ? '—' : a.owners.join(' / '));

/** "1.2 Recruit foster carers". */
export const actionLabel = (a: Pick<SnapshotAction, 'number' | 'title'>): string => `${a.number} ${a.title}`.trim();

/** The newest progress update in the period, as "Update 3 November 2017: …", or null. */
export const latestUpdate = (a: SnapshotAction): string | null => {
  const u = a.updates.at(-1);
  return u === undefined ? null : `Update ${longDate(u.date)}: ${u.body}`;
};

/** Every action of the snapshot with its plan. */
export const allActions = (content: SnapshotContent): { plan: SnapshotPlan; action: SnapshotAction }[] => content.actions.flatMap((plan) => plan.actions.map((action) => ({ plan, action })));

/** Written text as the report's blocks: paragraphs split on blank lines, "- " bullet lines as lists. */
export const paragraphs = (body: string): Block[] =>
  textBlocks(body).map((b): Block => (b.kind === 'paragraph' ? paragraph(b.text) : { kind: 'list', items: b.items.map((i) => [i]) }));

/** Non-empty lines. */
export const nonEmptyLines = (body: string): string[] =>
  body
    .split('\n')
    .map((l) => l.trim().replace(/^[-*•]\s+/, ''))
    .filter((l) => l !== '');

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Expands each glossary term on its first use in the report's text ("Personal Education Plan (PEP)")
 * and adds a glossary section listing every term used, A to Z. A term counts as used wherever it
 * appears (headings and table cells too); it is expanded in running text and cells, never in headings.
 */
export function withGlossary(doc: ReportDocument, terms: readonly SnapshotGlossaryTerm[] | undefined): ReportDocument {
  const usable = (terms ?? []).filter((t) => t.term.trim() !== '' && t.expansion.trim() !== '' && t.term !== t.expansion);
  if (usable.length === 0) {
    return {
      ...doc,
      sections: [...doc.sections, section('Glossary', [paragraph(terms === undefined ? 'This snapshot was taken before the glossary was kept with snapshots, so no glossary is given.' : 'The authority has no glossary terms.')], true)],
    };
  }
  // Longer terms first, so "CLA" inside "CLAs" or "SEND" before "SEN" is matched whole.
  const sorted = [...usable].sort((a, b) => b.term.length - a.term.length);
  const pattern = new RegExp(`(?<![A-Za-z0-9])(${sorted.map((t) => escape(t.term)).join('|')})(?![A-Za-z0-9])`, 'g');
  const byTerm = new Map(usable.map((t) => [t.term, t]));
  const used = new Set<string>();
  const expand = (s: string): string =>
    s.replace(pattern, (m: string) => {
      if (used.has(m)) return m;
      used.add(m);
      return `${byTerm.get(m)!.expansion} (${m})`;
    });
  const note = (s: string): void => {
    for (const m of s.matchAll(pattern)) used.add(m[1]!);
  };
  const inline = (i: Inline): Inline => (typeof i === 'string' ? expand(i) : { ...i, text: expand(i.text) });
  const cell = (c: TableCell): TableCell =>
    c.kind === 'text' ? { ...c, text: expand(c.text) } : c.kind === 'lines' ? { ...c, lines: c.lines.map(expand) } : c;
  const block = (b: Block): Block => {
    switch (b.kind) {
      case 'paragraph':
        return { ...b, content: b.content.map(inline) };
      case 'list':
        return { ...b, items: b.items.map((item) => item.map(inline)) };
      case 'table':
        note(b.caption);
        return { ...b, rows: b.rows.map((r) => r.map(cell)) };
      case 'figure':
        note(b.chart.title);
        return { ...b, alt: expand(b.alt), table: { ...b.table, rows: b.table.rows.map((r) => r.map(cell)) } };
      case 'section':
        return sectionOf(b);
    }
  };
  const sectionOf = (s: Section): Section => {
    note(s.heading);
    return { ...s, blocks: s.blocks.map(block) };
  };
  const sections = doc.sections.map(sectionOf);
  const list = usable.filter((t) => used.has(t.term)).sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  const glossary = section(
    'Glossary',
    list.length === 0
      ? [paragraph('This report uses none of the acronyms in the glossary.')]
      : [{ kind: 'table', caption: 'Glossary of terms', columns: [{ header: 'Term', width: 1 }, { header: 'Meaning', width: 4 }], rows: list.map((t) => [text(t.term), text(t.definition.trim() === '' ? t.expansion : `${t.expansion}: ${t.definition}`)]) }],
    true,
  );
  return { ...doc, sections: [...sections, glossary] };
}
