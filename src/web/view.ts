// The Nunjucks environment for every page: template folders, autoescaping and the shared filters.
import path from 'node:path';
import { createRequire } from 'node:module';
import nunjucks from 'nunjucks';
import type { FormError } from './kit/forms.ts';
import { fieldError } from './kit/forms.ts';
import * as paths from './kit/paths.ts';

const require = createRequire(import.meta.url);
/** govuk-frontend's dist folder (holding govuk/template.njk, the components and the compiled assets). */
export const govukDist = path.resolve(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist');
export const webDir = import.meta.dirname;

export interface GlossaryEntry {
  term: string;
  expansion: string;
}

/** Text of a template value: strings, numbers and markup as they are; nothing for null or undefined. */
function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof nunjucks.runtime.SafeString) return value.toString();
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "15 March 2018" from a yyyy-mm-dd date (read as written, never shifted by a time zone) or a Date. */
export function formatDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
    if (m) return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  }
  const d = value instanceof Date ? value : new Date(asText(value));
  if (Number.isNaN(d.getTime())) return asText(value);
  const local = toLondon(d);
  return `${local.day} ${MONTHS[local.month - 1]} ${local.year}`;
}

/** "15 March 2018 at 2:05pm", in UK time. */
export function formatDateTime(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(asText(value));
  if (Number.isNaN(d.getTime())) return asText(value);
  const l = toLondon(d);
  const hour12 = l.hour % 12 === 0 ? 12 : l.hour % 12;
  return `${l.day} ${MONTHS[l.month - 1]} ${l.year} at ${hour12}:${String(l.minute).padStart(2, '0')}${l.hour < 12 ? 'am' : 'pm'}`;
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function toLondon(d: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = Object.fromEntries(londonParts.formatToParts(d).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

const BRAG_TAG: Record<string, { text: string; colour: string }> = {
  B: { text: 'Blue – complete', colour: 'blue' },
  R: { text: 'Red', colour: 'red' },
  A: { text: 'Amber', colour: 'orange' },
  G: { text: 'Green', colour: 'green' },
};

/** A govuk-tag for a BRAG status: always the word as well as the colour. */
export function bragTag(status: unknown): nunjucks.runtime.SafeString {
  const tag = typeof status === 'string' ? BRAG_TAG[status.toUpperCase()] : undefined;
  if (!tag) return new nunjucks.runtime.SafeString('<strong class="govuk-tag govuk-tag--grey">No status</strong>');
  return new nunjucks.runtime.SafeString(`<strong class="govuk-tag govuk-tag--${tag.colour}">${tag.text}</strong>`);
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Only acronyms are marked, not every glossary word: one token of capitals (CLA, IRO, SSDA903), or
 * one with two capitals or a digit or a plus among lower-case letters (DfE, WiCC, W2i, PP+).
 */
const looksLikeAcronym = (term: string): boolean =>
  /^[A-Z][A-Za-z0-9&+]+$/.test(term) && (term.replace(/[^A-Z]/g, '').length >= 2 || /[0-9+]/.test(term));

const abbrCache = new WeakMap<readonly GlossaryEntry[], { pattern: RegExp; titles: Map<string, string> } | null>();

function abbrMatcher(terms: readonly GlossaryEntry[]): { pattern: RegExp; titles: Map<string, string> } | null {
  const cached = abbrCache.get(terms);
  if (cached !== undefined) return cached;
  const titles = new Map(terms.filter((t) => looksLikeAcronym(t.term)).map((t) => [t.term, t.expansion]));
  const alternatives = [...titles.keys()].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\&]/g, '\\$&'));
  // A plural (IROs, SDQs) is marked too, on the acronym itself: "<abbr>IRO</abbr>s".
  const matcher = alternatives.length === 0 ? null : { pattern: new RegExp(`(?<![\\w&])(${alternatives.join('|')})(?=s?(?![\\w+]))`, 'g'), titles };
  abbrCache.set(terms, matcher);
  return matcher;
}

/**
 * Escapes text and marks each known acronym as <abbr title="expansion">. With `explained` (the
 * acronyms already explained on the page being drawn), the first use of each on the page is also
 * followed by its expansion in the text, "CLA (children looked after)", so a reader sees it
 * without hovering; the text already saying what it stands for counts as explaining it.
 */
export function markAbbreviations(text: unknown, terms: readonly GlossaryEntry[] | undefined, explained?: Set<string>): nunjucks.runtime.SafeString {
  const raw = asText(text);
  const matcher = terms && terms.length > 0 ? abbrMatcher(terms) : null;
  if (!matcher) return new nunjucks.runtime.SafeString(escapeHtml(raw));
  // Split on the raw text so a match never lands inside an escaped entity such as &amp;.
  let out = '';
  let last = 0;
  for (const m of raw.matchAll(matcher.pattern)) {
    const term = m[1]!;
    const expansion = matcher.titles.get(term) ?? '';
    out += escapeHtml(raw.slice(last, m.index)) + `<abbr title="${escapeHtml(expansion)}">${escapeHtml(term)}</abbr>`;
    last = m.index + term.length;
    if (explained === undefined || explained.has(term)) continue;
    explained.add(term);
    // "IROs" is explained after its plural s; "CLA (children looked after)" or "children looked after (CLA)" already is.
    const plural = raw.charAt(last) === 's' ? 's' : '';
    const after = raw.slice(last + plural.length);
    if (/^\s*\(/.test(after) || expansion === '' || raw.toLowerCase().includes(expansion.toLowerCase())) continue;
    out += `${plural} (${escapeHtml(expansion)})`;
    last += plural.length;
  }
  return new nunjucks.runtime.SafeString(out + escapeHtml(raw.slice(last)));
}

/** "1 action", "3 actions"; a plural form can be given for irregular words ("1 child", "2 children"). */
export function plural(count: unknown, singular: string, pluralForm?: string): string {
  const n = Number(count);
  return `${numberText(count)} ${n === 1 ? singular : (pluralForm ?? `${singular}s`)}`;
}

// Made once: toLocaleString('en-GB', { maximumFractionDigits: 1 }) builds a formatter on every call.
const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A count, numerator or denominator as a page shows it: "1,234", "12.5". */
export const formatCount = (x: number): string => COUNT.format(x);

/** A count as people read it: 28643 → "28,643"; anything else as text. */
export function numberText(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatCount(value) : asText(value);
}

export function createViewEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([path.join(webDir, 'views'), webDir, govukDist]), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  env.addFilter('date', formatDate);
  env.addFilter('dateTime', formatDateTime);
  env.addFilter('brag', bragTag);
  // Every page's user text goes through this filter (directly or through kit/macros.njk's prose), so
  // the page's set of acronyms already explained (abbrExplained, made for each page drawn) sees them all.
  env.addFilter(
    'abbr',
    function (this: { ctx?: { glossaryTerms?: GlossaryEntry[]; abbrExplained?: Set<string> } } | undefined, text: unknown, terms?: GlossaryEntry[]) {
      return markAbbreviations(text, terms ?? this?.ctx?.glossaryTerms, this?.ctx?.abbrExplained);
    },
  );
  env.addFilter('plural', plural);
  env.addFilter('number', numberText);
  // The site's addresses, built by kit/paths.ts in templates as in routes: {{ paths.nodeEditPath(plan.slug, s.id) }}.
  env.addGlobal('paths', paths);
  env.addFilter('fieldError', (errors: FormError[] | undefined, field: string) => fieldError(errors, field));
  return env;
}

/** Renders a template to a string. */
export function render(env: nunjucks.Environment, template: string, data: object): Promise<string> {
  return new Promise((resolve, reject) => {
    env.render(template, data, (err, html) => (err ? reject(err) : resolve(html ?? '')));
  });
}
