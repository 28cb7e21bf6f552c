// A plan's numbering: the next number among siblings ("2.3" after "2.1, 2.2", "c" after "a, b"),
// siblings closed up after one leaves, and the numbers under a part that moved ("2.3.1" → "4.1.1").
// Pure: the plan service applies what these work out.

interface Sequence {
  prefix: string;
  kind: 'digit' | 'letter';
  values: number[];
}

const LAST = /^(.*?)(\d+|[a-z])$/i;

/** The common prefix and counted last parts of some numbers, when they all count the same way. */
function sequenceOf(numbers: readonly string[]): Sequence | null {
  if (numbers.length === 0) return null;
  let prefix: string | null = null;
  let kind: Sequence['kind'] | null = null;
  const values: number[] = [];
  for (const n of numbers) {
    const m = LAST.exec(n.trim());
    if (!m) return null;
    const [, p, last] = m as unknown as [string, string, string];
    const k = /^\d+$/.test(last) ? 'digit' : 'letter';
    if (prefix !== null && (p !== prefix || k !== kind)) return null;
    prefix = p;
    kind = k;
    values.push(k === 'digit' ? Number(last) : last.toLowerCase().charCodeAt(0) - 96);
  }
  return { prefix: prefix!, kind: kind!, values };
}

const write = (s: Pick<Sequence, 'prefix' | 'kind'>, value: number): string =>
  s.prefix + (s.kind === 'digit' ? String(value) : String.fromCharCode(96 + Math.min(value, 26)));

/**
 * The number that follows these siblings' numbers in their style; with none (or none in a style),
 * the first under the parent's number: "4.1" under "4", "1" at the top. Never one in `taken`.
 */
export function nextNumber(siblings: readonly string[], parentNumber: string, taken: ReadonlySet<string> = new Set()): string {
  const numbered = siblings.filter((s) => s.trim() !== '');
  const seq = sequenceOf(numbered);
  const style = seq ?? { prefix: parentNumber.trim() === '' ? '' : `${parentNumber.trim()}.`, kind: 'digit' as const, values: [] };
  let value = style.values.length === 0 ? 1 : Math.max(...style.values) + 1;
  // Letters run out at z: carry on in digits after the parent rather than repeat one.
  if (style.kind === 'letter' && value > 26) return nextNumber([], parentNumber, taken);
  while (taken.has(write(style, value))) value += 1;
  return write(style, value);
}

/**
 * The siblings left after one moved away, closed up when they counted one after another from the
 * first (1, 2, 4 → 1, 2, 3); otherwise (gaps by design, mixed styles, no numbers) unchanged.
 * `before` is the siblings' numbers in order with the one that left still among them.
 */
export function closeUp(before: readonly string[], leaving: number): string[] {
  const rest = before.filter((_, i) => i !== leaving);
  const seq = sequenceOf(before);
  if (seq === null || rest.length === 0) return rest;
  const start = seq.values[0]!;
  if (!seq.values.every((v, i) => v === start + i)) return rest;
  return rest.map((_, i) => write(seq, start + i));
}

/** A number under a part that was renumbered from `from` to `to`: "2.3.1" becomes "4.1.1"; others stay. */
export function underRenumbered(number: string, from: string, to: string): string {
  if (from === '' || from === to) return number;
  return number.startsWith(`${from}.`) ? `${to}${number.slice(from.length)}` : number;
}
