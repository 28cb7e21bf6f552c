// The forms that move an action, renumber it and close it as no longer needed: their fields and checks.
import { z } from 'zod';
import { idChoice, requiredText, textField, versionField } from '../kit/form-fields.ts';

const ACTION_NUMBER = /^[0-9]+[a-z]?(\.[0-9]+[a-z]?)*$|^[a-z]$/i;
const NUMBER_SHAPE = 'An action number looks like 4, 1.4, 2a or 3.2.1';

export const moveForm = z
  .object({ version: versionField, nodeId: idChoice('Choose the part of the plan to move the action to'), number: textField() })
  .superRefine((v, ctx) => {
    if (v.nodeId === '') ctx.addIssue({ code: 'custom', path: ['nodeId'], message: 'Choose the part of the plan to move the action to' });
    if (v.number !== '' && !ACTION_NUMBER.test(v.number)) ctx.addIssue({ code: 'custom', path: ['number'], message: NUMBER_SHAPE });
  })
  .transform((v) => ({ version: v.version, nodeId: v.nodeId === '' ? 0 : v.nodeId, number: v.number === '' ? undefined : v.number }));

export const renumberForm = z
  .object({ version: versionField, number: requiredText('Enter the new number, for example 4, 1.4 or 2a') })
  .superRefine((v, ctx) => {
    if (v.number !== '' && !ACTION_NUMBER.test(v.number)) ctx.addIssue({ code: 'custom', path: ['number'], message: NUMBER_SHAPE });
  });

export const closeForm = z.object({ version: versionField, reason: requiredText('Give the reason the action is no longer needed') });
