// Cross-references as things of their own: the kinds that carry words (inspection recommendations,
// sufficiency challenges, programmes), how their numbers are written, and what one records.
import type { RefKind } from './plan-document.ts';
import { ValidationError } from './errors.ts';
import { isIsoDate } from './dates.ts';

/** The kinds of cross-reference that have their own text, source and date (measures live in the library; tags are words). */
export const RECORDED_REF_KINDS = ['inspection', 'challenge', 'programme'] as const satisfies readonly RefKind[];
export type RecordedRefKind = (typeof RECORDED_REF_KINDS)[number];

export const isRecordedRefKind = (v: unknown): v is RecordedRefKind => typeof v === 'string' && (RECORDED_REF_KINDS as readonly string[]).includes(v);

/** One of each kind, in words: "inspection recommendation 11", "challenge 4", "programme 6". */
export const RECORDED_REF_WORDS: Record<RecordedRefKind, string> = {
  inspection: 'inspection recommendation',
  challenge: 'challenge',
  programme: 'programme',
};

/** Numbers as the documents write them: 11, 4, 2a, 6.1. */
const REF_NUMBER = /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,18}[A-Za-z0-9])?$/;
export const MAX_REF_TITLE = 300;
export const MAX_REF_BODY = 5000;

/** The problem with a typed reference number, or undefined when it is one. */
export function refNumberProblem(value: string, kind: RecordedRefKind): string | undefined {
  if (value === '') return `Enter the number of the ${RECORDED_REF_WORDS[kind]}`;
  if (!REF_NUMBER.test(value)) return `The number of the ${RECORDED_REF_WORDS[kind]} is letters, digits and full stops, up to 20 characters, for example 11, 4 or 2a`;
  return undefined;
}

/** What a cross-reference records: its heading words, what it says, the document it comes from and that document's date. */
export interface ReferenceText {
  title: string;
  body: string;
  source: string;
  /** yyyy-mm-dd, or null when not known. */
  issuedOn: string | null;
}

/** Trims and checks what a form or the command line gives; throws a ValidationError naming the field. */
export function checkReferenceText(input: ReferenceText): ReferenceText {
  const t = { title: input.title.trim(), body: input.body.trim(), source: input.source.trim(), issuedOn: input.issuedOn };
  if (t.title === '' && t.body === '') throw new ValidationError('Enter what it says, or a short title', 'body');
  if (t.title.length > MAX_REF_TITLE) throw new ValidationError(`Keep the title to ${MAX_REF_TITLE} characters or fewer`, 'title');
  if (t.body.length > MAX_REF_BODY) throw new ValidationError(`Keep what it says to ${MAX_REF_BODY} characters or fewer`, 'body');
  if (t.issuedOn !== null && !isIsoDate(t.issuedOn)) throw new ValidationError('The date must be a real date', 'issuedOn');
  return t;
}
