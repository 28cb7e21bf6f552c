// The glossary's forms: a term, what it stands for and what it means; retiring a term.
import { z } from 'zod';
import { requiredText, textField, versionField } from '../kit/form-fields.ts';

const termFields = {
  term: requiredText('Enter the term or abbreviation'),
  expansion: requiredText('Enter what it stands for, or the term again if it is not an abbreviation'),
  definition: textField(),
};

export const newTermForm = z.object(termFields);
export const editTermForm = z.object({ ...termFields, version: versionField });
export const retireTermForm = z.object({ version: versionField });

export const TERM_FIELDS = ['term', 'expansion', 'definition'] as const;
