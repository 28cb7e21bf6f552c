// A page's "figures at another date" form, sent by GET so that the address can be kept and shared: the GOV.UK date
// boxes asAt-day, asAt-month and asAt-year, or ?asAt=yyyy-mm-dd from a link (the JSON API's own parameter).
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates.ts';
import { checkDate, dateParts, datePartsOf, textField } from './form-fields.ts';
import { readForm, type FormError, type FormValues } from './forms.ts';
import { formatDate } from '../view.ts';

const asAtQuery = z.object({ asAt: textField(), ...dateParts('asAt') });

export interface AsAtChoice {
  /** The date asked for (yyyy-mm-dd), or undefined for today's figures (none asked, or the one asked is not a date). */
  asAt: string | undefined;
  /** The boxes to show again: what was typed, or the date asked for. */
  values: FormValues;
  errors: FormError[];
}

/** The date a page's figures are asked for at, checked as a date input is: a real date, and not after today. */
export function readAsAt(query: unknown, today: string): AsAtChoice {
  const schema = asAtQuery.transform((v, ctx): string | undefined => {
    const iso =
      v.asAt !== ''
        ? isIsoDate(v.asAt)
          ? v.asAt
          : (ctx.addIssue({ code: 'custom', path: ['asAt-day'], message: 'The date must be a real date, for example 30 9 2026' }), undefined)
        : checkDate(v, 'asAt', 'the date', ctx, { required: false });
    if (iso !== undefined && iso > today) {
      ctx.addIssue({ code: 'custom', path: ['asAt-day'], message: 'The date must be today or in the past' });
      return undefined;
    }
    return iso;
  });
  const form = readForm(schema, query);
  if (!form.ok) return { asAt: undefined, values: form.values, errors: form.errors };
  return { asAt: form.value, values: datePartsOf('asAt', form.value), errors: [] };
}

/** What kit/macros.njk's asAtChooser shows: the date asked for in words, the boxes, their errors, today's address. */
export function asAtView(choice: AsAtChoice, todayHref: string) {
  return { date: choice.asAt === undefined ? null : formatDate(choice.asAt), values: choice.values, errors: choice.errors, todayHref };
}

/** An address with the date asked for, so that a link or a download shows the same date. */
export const withAsAt = (href: string, asAt: string | undefined): string => (asAt === undefined ? href : `${href}${href.includes('?') ? '&' : '?'}asAt=${asAt}`);
