// How pages show a measure's figures: values with their unit, "c" for a suppressed small number (and
// the analyst's mark on one shown), RAG as a word and a shape beside its colour, the direction of
// travel, and the sparkline. Shared by the dashboard and the measure page.
import { onceEach } from '../../domain/collections.ts';
import { renderSvg, sparklineSpec } from '../../charts/charts.ts';
import { formatValue, type MeasureReading, type ShownFigure } from '../../services/measure-reading.ts';
import type { Unit } from '../../measures/index.ts';
import { formatCount, formatDate } from '../view.ts';

export const measurePath = (code: string): string => `/measures/${encodeURIComponent(code)}`;

/** The figure as text: its value with the unit, "c" when suppressed for this reader, the DfE symbol, or "no figure". */
export function figureText(unit: Unit, f: ShownFigure | null | undefined): string {
  if (!f) return 'no figure';
  if (f.symbol === 'c') return 'c';
  if (f.value === null) return f.symbol ?? 'no figure';
  return formatValue(unit, f.value);
}

/** A figure's numerator and denominator in words: "312 of 480", "29,519 days across 68" for an average, "312" for a count. */
export function partsOf(unit: Unit, numerator: number, denominator: number | null): string {
  const n = formatCount;
  if (unit === 'count' || denominator === null) return n(numerator);
  // An average's parts are a total and the cases it is shared across: "29,519 days across 68", not "29,519 of 68".
  if (unit === 'days') return `${n(numerator)} days across ${n(denominator)}`;
  if (unit === 'score') return `${n(numerator)} across ${n(denominator)}`;
  return `${n(numerator)} of ${n(denominator)}`;
}

/** A shown figure's parts (partsOf); "c" when suppressed; "" when there is nothing to show. */
export function partsText(unit: Unit, f: ShownFigure | null | undefined): string {
  if (!f) return '';
  if (f.symbol === 'c') return 'c';
  return f.numerator === null ? '' : partsOf(unit, f.numerator, f.denominator);
}

const RAG: Record<string, { tag: string; shape: string; shapeName: string }> = {
  R: { tag: 'govuk-tag--red', shape: '■', shapeName: 'square' },
  A: { tag: 'govuk-tag--yellow', shape: '▲', shapeName: 'triangle' },
  G: { tag: 'govuk-tag--green', shape: '●', shapeName: 'circle' },
};

/** A RAG letter as a page shows it: its word, tag colour and shape (colour is never the only sign), or null. */
export function ragBadge(code: string | null): { word: string; tag: string; shape: string; shapeName: string } | null {
  const r = code === null ? undefined : RAG[code];
  if (!r) return null;
  return { word: code === 'R' ? 'Red' : code === 'A' ? 'Amber' : 'Green', ...r };
}

const ARROWS: Record<string, string> = { better: '↑', worse: '↓', up: '↗', down: '↘', 'no change': '→' };

export interface TileView {
  code: string;
  title: string;
  href: string;
  value: string;
  /** What the figure's source says beside it (too little history …); null for none. */
  note: string | null;
  parts: string;
  /** Hidden from this reader: shown as "c" with the footnote. */
  hidden: boolean;
  /** Shown to an analyst although it reveals a small number. */
  markedSmall: boolean;
  asAt: string;
  rag: { word: string; reason: string; tag: string; shape: string; shapeName: string; code: string } | null;
  target: string | null;
  previous: { words: string; arrow: string } | null;
  lastYear: { words: string; arrow: string } | null;
  ytd: string | null;
  rolling12: string | null;
  benchmarks: { label: string; value: string }[];
  /** "Quartile B (second best quarter of 152 authorities, 2023/24)", where the DfE's tables give one. */
  quartile: string | null;
  sparkline: string | null;
  /** Red and amber tiles lead to the measure's page. */
  needsAttention: boolean;
}

export function asAtText(r: MeasureReading): string {
  const end = r.current?.periodEnd;
  if (end === undefined) return 'No figure yet';
  return r.window === 'year' ? `Year to ${formatDate(end)}` : `At ${formatDate(end)}`;
}

function comparison(c: MeasureReading['previous']): { words: string; arrow: string } | null {
  if (!c || c.words === null || c.direction === null) return null;
  return { words: c.words, arrow: ARROWS[c.direction] ?? '' };
}

// A reading is worked out once per change of the figures and then shared by every request (see
// MeasureService), so its tile, in words and with its sparkline drawn, is made once with it.
/** A tile: everything the read model gives, in words, with its sparkline drawn. */
export const tileView: (r: MeasureReading) => Promise<TileView> = onceEach(drawTile);

async function drawTile(r: MeasureReading): Promise<TileView> {
  const unit = r.measure.unit;
  const points = r.history.map((h) => ({ periodEnd: h.periodEnd, value: h.symbol === 'c' ? null : h.value }));
  const shownPoints = points.filter((p) => p.value !== null);
  const sparkline =
    shownPoints.length >= 2
      ? await renderSvg(
          sparklineSpec({
            title: r.measure.title,
            description: `The last ${r.history.length} periods, from ${formatDate(r.history[0]!.periodEnd)} to ${formatDate(r.current!.periodEnd)}${shownPoints.length < points.length ? ', small numbers left out' : ''}; the measure's page has the table of every figure.`,
            points,
          }),
          `${r.measure.title}: the last ${r.history.length} periods`,
        )
      : null;
  const rag = r.rag === null || r.ragWord === null ? null : { word: r.ragWord, reason: r.ragReason ?? r.ragWord, code: r.rag, ...RAG[r.rag]! };
  return {
    code: r.measure.code,
    title: r.measure.title,
    href: measurePath(r.measure.code),
    value: figureText(unit, r.current),
    parts: partsText(unit, r.current),
    note: r.note,
    hidden: r.current?.symbol === 'c',
    markedSmall: r.current !== null && r.current.suppressed && r.current.symbol !== 'c',
    asAt: asAtText(r),
    rag,
    target: r.target === null ? null : `${formatValue(unit, r.target.value)} (${r.target.label || 'target'})`,
    previous: comparison(r.previous),
    lastYear: comparison(r.lastYear),
    ytd: r.ytd === null ? null : figureText(unit, r.ytd),
    rolling12: r.rolling12 === null ? null : figureText(unit, r.rolling12),
    benchmarks: r.benchmarks.map((b) => ({ label: b.label, value: b.value === null ? (b.symbol ?? 'no figure') : formatValue(unit, b.value) })),
    quartile: r.quartile?.words ?? null,
    sparkline,
    needsAttention: r.rag === 'R' || r.rag === 'A',
  };
}

/** A measure an action aims to move, as a line: its title linking to its page, the latest figure and the RAG word. */
export interface AimView {
  title: string;
  /** Null when the code is not in the authority's library (an older link). */
  href: string | null;
  value: string;
  asAt: string;
  rag: { word: string; tag: string; shape: string } | null;
}

/** The lines for measure codes, in their order, from the readings of those in the library. */
export function aimViews(codes: readonly string[], readings: readonly MeasureReading[]): AimView[] {
  const byCode = new Map(readings.map((r) => [r.measure.code, r]));
  return codes.map((code) => {
    const r = byCode.get(code);
    if (!r) return { title: code, href: null, value: '', asAt: 'Not in the measure library', rag: null };
    const rag = r.rag === null || r.ragWord === null ? null : { word: r.ragWord, tag: RAG[r.rag]!.tag, shape: RAG[r.rag]!.shape };
    return { title: r.measure.title, href: measurePath(r.measure.code), value: r.current ? figureText(r.measure.unit, r.current) : '', asAt: asAtText(r), rag };
  });
}
