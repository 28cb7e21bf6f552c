// Reads the values councils type into trackers: dates in many spellings, BRAG words, owners, revised
// timescales, dated progress updates and action numbers.
import type { Brag } from '../domain/brag.ts';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH_WORD = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

/** The end of each season, as a deadline "by Spring 2018" means: the last day of its last month. */
const SEASON_END_MONTH: Record<string, number> = { spring: 5, summer: 8, autumn: 11, fall: 11, winter: 2 };

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m) || y < 1900 || y > 2200) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** Excel's day numbers (1 = 1 January 1900, with its 29 February 1900) as a date; only the plausible range. */
export function excelSerialDate(n: number): string | null {
  if (!Number.isInteger(n) || n < 18_264 || n > 73_051) return null; // 1950 to 2100
  const d = new Date(Date.UTC(1899, 11, 30) + n * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** One date pattern: its regular expression (no anchors) and how a match becomes yyyy-mm-dd. */
interface Pattern {
  re: RegExp;
  read(m: RegExpExecArray): string | null;
}

const PATTERNS: Pattern[] = [
  // 2018-03-31
  { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, read: (m) => iso(Number(m[1]), Number(m[2]), Number(m[3])) },
  // 12/09/2017, 12.09.2017, 12-09-17, 3.11.17 (day first, as in England)
  { re: /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b/, read: (m) => iso(fullYear(m[3]!), Number(m[2]), Number(m[1])) },
  // 12 September 2017, 12th Sept 2017
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_WORD})\\.?,?\\s+(\\d{4})\\b`, 'i'),
    read: (m) => iso(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])),
  },
  // Q3 18/19, Q3 2018/19, Q3 2018-19: the last day of that quarter of the financial year
  {
    re: /\bQ([1-4])\s*(?:of\s+)?(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})\b/i,
    read: (m) => {
      const q = Number(m[1]);
      const start = fullYear(m[2]!.slice(-2));
      const month = q === 4 ? 3 : 3 + q * 3;
      const y = q === 4 ? start + 1 : start;
      return iso(y, month, lastDay(y, month));
    },
  },
  // 2018/19, 2018/2019, during 2018-19: the financial year's last day, 31 March
  {
    re: /\b(20\d{2})\s*[/-]\s*(\d{2}|20\d{2})\b/,
    read: (m) => {
      const start = Number(m[1]);
      const end = fullYear(m[2]!.slice(-2));
      return end === start + 1 ? iso(end, 3, 31) : null;
    },
  },
  // September 2017, Sept 2018, Mar-18, March '18: the last day of that month
  {
    re: new RegExp(`\\b(${MONTH_WORD})\\.?[\\s-]*'?(\\d{4}|\\d{2})\\b`, 'i'),
    read: (m) => {
      const y = fullYear(m[2]!);
      const month = MONTHS[m[1]!.toLowerCase()]!;
      return iso(y, month, lastDay(y, month));
    },
  },
  // Spring 2018: the last day of the season
  {
    re: /\b(spring|summer|autumn|fall|winter)\s+(\d{4})\b/i,
    read: (m) => {
      const month = SEASON_END_MONTH[m[1]!.toLowerCase()]!;
      const y = Number(m[2]) + (month === 2 ? 1 : 0);
      return iso(y, month, lastDay(y, month));
    },
  },
];

/** A date written as a whole cell or phrase; null when it is not one (the caller names the cell). */
export function parseDate(text: string): string | null {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return null;
  if (/^\d{5}$/.test(t)) return excelSerialDate(Number(t));
  for (const p of PATTERNS) {
    const m = new RegExp(`^(?:by |end of |w/c |wc )?${p.re.source}\\.?$`, p.re.flags).exec(t);
    if (m) return p.read(m);
  }
  return null;
}

/** Every date in a stretch of text, in the order written, with where each starts and ends. */
export function findDates(text: string): { date: string; index: number; end: number; text: string }[] {
  const out: { date: string; index: number; end: number; text: string }[] = [];
  const taken: [number, number][] = [];
  for (const p of PATTERNS) {
    const re = new RegExp(p.re.source, `${p.re.flags.replace('g', '')}g`);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const date = p.read(m);
      if (date) {
        out.push({ date, index: start, end, text: m[0] });
        taken.push([start, end]);
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * A timescale cell. Dates alone, or joined by words of revision ("March 2018 revised to June 2018",
 * "01.02.2018 01.06.2018"), are the deadline first set and its revisions. Dates with labels of their own
 * ("Local offer - 30th September 2018 Survey completed - end March 2019") are milestones: the last is the
 * deadline and the words are kept as its note. A cell with no date comes back with its words left over
 * ("Ongoing", "Sprung 2018") for the caller to judge.
 */
export function parseTimescales(text: string): { dates: string[]; leftOver: string; note?: string } {
  const found = findDates(text);
  let rest = text;
  for (const f of [...found].reverse()) rest = rest.slice(0, f.index) + rest.slice(f.end);
  const words = rest
    .replace(/\b(revised|revision|moved|changed|extended|deferred|delayed|to|from|by|then|and|new|date|deadline|end of|end|originally|was|now|during|the|year|w\/c|wc)\b/gi, ' ')
    .replace(/\b[a-h]\)/gi, ' ')
    .replace(/[()[\],;:.\-–—/>→]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  const dates = found.map((f) => f.date).filter((d, i, all) => i === 0 || d !== all[i - 1]);
  if (dates.length === 0) return { dates: [], leftOver: words };
  if (words === '') return { dates, leftOver: '' };
  return { dates: [dates.reduce((a, b) => (b > a ? b : a))], leftOver: '', note: text.replace(/\s+/g, ' ').trim() };
}

/** Lettered parts of one cell, "a) Embed … b) Consult …": the text before them and each part by its letter. */
export function letteredParts(text: string): { intro: string; parts: { letter: string; text: string }[] } | null {
  const re = /(?:^|\s|\n)([a-h])\)\s+/g;
  const marks: { letter: string; index: number; end: number }[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) marks.push({ letter: m[1]!.toLowerCase(), index: m.index, end: m.index + m[0].length });
  // Only a run a), b), c) … counts: a lone "a)" is more likely a stray bracket.
  const run = marks.filter((m, i) => m.letter === String.fromCharCode(97 + i));
  if (run.length < 2 || run.length !== marks.length) return null;
  return {
    intro: text.slice(0, run[0]!.index).trim(),
    parts: run.map((m, i) => ({ letter: m.letter, text: text.slice(m.end, run[i + 1]?.index ?? text.length).trim() })),
  };
}

/** Staged targets in a KPI: "June 2018 - 80% … December 2018 - 90%", or "90% by December 2018". */
export function stagedTargets(text: string): { by: string; value: number }[] {
  const out: { by: string; value: number }[] = [];
  for (const f of findDates(text)) {
    const after = /^\s*[-–—:]\s*(\d{1,3}(?:\.\d+)?)\s*%/.exec(text.slice(f.end));
    const before = /(\d{1,3}(?:\.\d+)?)\s*%[^%]{0,40}?\bby\s*$/.exec(text.slice(0, f.index));
    const value = after?.[1] ?? before?.[1];
    if (value !== undefined) out.push({ by: f.date, value: Number(value) });
  }
  return out.sort((a, b) => a.by.localeCompare(b.by));
}

/** A heading row: "2. Improve the consistency …", "A. Permanence planning Lead: Strategic Manager …". */
export function parseHeading(text: string): { number: string; title: string; lead?: string } {
  const t = text.replace(/\s+/g, ' ').trim();
  const lead = /^(.*?)\s*\bLeads?:\s*(.+)$/i.exec(t);
  const body = lead ? lead[1]! : t;
  const num = /^([0-9]+|[A-Z])[.)]\s+(.+)$/.exec(body);
  return { number: num ? num[1]! : '', title: num ? num[2]! : body, ...(lead ? { lead: lead[2]! } : {}) };
}

/** Words and letters councils use for BRAG: R/A/G/B, Red … Blue, Complete(d), Done; "B - On track" is B. */
export function parseStatus(text: string): { status: Brag | null; note?: string } {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return { status: null };
  const words: [RegExp, Brag][] = [
    [/^(b|blue|complete|completed|done|achieved|closed|business as usual|bau)\b/, 'B'],
    [/^(r|red)\b/, 'R'],
    [/^(a|amber)\b/, 'A'],
    [/^(g|green|on track)\b/, 'G'],
  ];
  for (const [re, status] of words) {
    if (re.test(t)) {
      const two = /^([rabg]|red|amber|green|blue)\s*[/-]\s*([rabg]|red|amber|green|blue)$/.exec(t);
      return two ? { status, note: `"${text.trim()}" names two statuses: the first, ${status}, is taken` } : { status };
    }
  }
  return { status: null, note: `"${text.trim()}" is not a BRAG status: write B, R, A or G (Blue, Red, Amber, Green) or Complete` };
}

/** Words that mark a job title rather than a person's name. */
const ROLE_WORD =
  /\b(manager|head|director|officer|lead|leads|nurse|commissioner|team|service|services|coordinator|co-ordinator|specialist|worker|chair|board|group|partnership|panel|psychologist|adviser|advisor|consultant|principal|member|members|council|trust|police|school|schools|governor|governors|cabinet|assistant|senior|strategic|operational|designated|virtual|participation|iro|iros|cla|camhs|ccg|nhs|analyst|practitioner|administrator|all|partners|agency)\b/i;
const NAME_WORD = /^[A-Z][a-z'’-]+$|^[A-Z][a-z]*[A-Z][a-z'’-]+$/;

export interface OwnerValue {
  name?: string;
  role?: string;
}

function oneOwner(raw: string): OwnerValue | null {
  const t = raw.trim().replace(/\s+/g, ' ').replace(/^[-–•]\s*/, '');
  if (t === '') return null;
  // "Louise Palmer, Strategic Commissioner"
  const comma = /^([^,]+),\s*(.+)$/.exec(t);
  if (comma && isName(comma[1]!)) return { name: comma[1]!, role: comma[2]! };
  // "CLA Nurse Specialist Angela Reece": a job title ending in a person's two names.
  const words = t.split(' ');
  if (words.length >= 3) {
    const tail = words.slice(-2);
    const head = words.slice(0, -2).join(' ');
    if (tail.every((w) => NAME_WORD.test(w) && !ROLE_WORD.test(w)) && ROLE_WORD.test(head)) return { name: tail.join(' '), role: head };
  }
  return isName(t) ? { name: t } : { role: t };
}

function isName(t: string): boolean {
  const words = t.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w) && !ROLE_WORD.test(w));
}

/** Several owners in one cell: "Head of Placements / Commissioning Manager", one a line, or split by ";". */
export function parseOwners(text: string): OwnerValue[] {
  return text
    .split(/\s*\/\s*|\s*;\s*|\n+/)
    .map(oneOwner)
    .filter((o): o is OwnerValue => o !== null);
}

export interface DatedUpdate {
  /** yyyy-mm-dd, or null when the text before the first dated marker had no date of its own. */
  date: string | null;
  body: string;
}

const UPDATE_MARKER = new RegExp(
  [
    // Update 12.09.2017:  Update 3.11.17 -  Update: 12 Sept 2017
    `\\bupdate\\s*:?\\s*(?<d1>\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_WORD})\\.?\\s+\\d{4}|(?:${MONTH_WORD})\\.?\\s+\\d{4})\\s*[:\\-–—]?`,
    // a line starting "Sept 2018 –", "12/09/2017:", "Q3 18/19:"
    `(?:^|\\n)\\s*(?<d2>\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|(?:${MONTH_WORD})\\.?\\s+\\d{4}|Q[1-4]\\s*\\d{2,4}\\s*/\\s*\\d{2,4})\\s*[:\\-–—]`,
  ].join('|'),
  'gi',
);

/** Splits a progress cell into dated updates, oldest first as written; text before the first date has none. */
export function parseUpdates(text: string): DatedUpdate[] {
  const out: DatedUpdate[] = [];
  const marks: { index: number; end: number; date: string | null }[] = [];
  for (let m = UPDATE_MARKER.exec(text); m; m = UPDATE_MARKER.exec(text)) {
    const raw = (m.groups?.d1 ?? m.groups?.d2 ?? '').trim();
    marks.push({ index: m.index, end: m.index + m[0].length, date: parseDate(raw) });
  }
  UPDATE_MARKER.lastIndex = 0;
  const clean = (s: string): string => s.replace(/\n{3,}/g, '\n\n').trim();
  const head = clean(text.slice(0, marks[0]?.index ?? text.length));
  if (head !== '' && !/^update:?$/i.test(head)) out.push({ date: null, body: head });
  marks.forEach((mark, i) => {
    // What follows the date's own colon or dash is the update; a bullet's dash before it is not.
    const body = clean(text.slice(mark.end, marks[i + 1]?.index ?? text.length).replace(/^[\s:–—-]+/, ''));
    if (body !== '') out.push({ date: mark.date, body });
  });
  return out;
}

/** "1.2 Data re health assessments …" → number 1.2 and the rest; "a) Review …" → a. */
export function leadingNumber(text: string): { number: string; rest: string } | null {
  const m = /^\s*((?:\d+[a-z]?)(?:\.\d+[a-z]?)*|[a-z])(?:[.)]\s*|\s+)(?=\S)/i.exec(text);
  if (!m) return null;
  // A lone letter only counts with its bracket or stop ("a) …", "b. …"), not the first word of a sentence.
  if (/^[a-z]$/i.test(m[1]!) && !/[.)]/.test(m[0])) return null;
  return { number: m[1]!.toLowerCase(), rest: text.slice(m[0].length).trim() };
}

/** Action numbers as the plan stores them: "1.", "(2)", "Action 3" → 1, 2, 3. */
export function cleanNumber(text: string): string | null {
  const t = text
    .trim()
    .replace(/^(action|no\.?|ref\.?)\s*/i, '')
    .replace(/^\(|\)$/g, '')
    .replace(/[.)]$/, '')
    .trim();
  return /^[0-9]+[a-z]?(\.[0-9]+[a-z]?)*$|^[a-z]$/i.test(t) ? t.toLowerCase() : null;
}
