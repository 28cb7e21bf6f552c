// Actions are addressed as plan-slug:number, e.g. sufficiency-2016-19:4 or cypp-2016-19:6.3.1.
import { ValidationError } from './errors.ts';

export interface ActionKey {
  plan: string;
  number: string;
}

export function parseActionKey(value: string): ActionKey {
  const i = value.indexOf(':');
  const plan = i < 0 ? '' : value.slice(0, i).trim();
  const number = i < 0 ? '' : value.slice(i + 1).trim();
  if (plan === '' || number === '') {
    throw new ValidationError(`"${value}" is not an action: write the plan's slug and the action number, e.g. sufficiency-2016-19:4`, 'action');
  }
  return { plan, number };
}

export const formatActionKey = (k: ActionKey): string => `${k.plan}:${k.number}`;

/** A cross-reference filter such as inspection:11 or challenge:4. */
export function parseRef(value: string): { kind: string; value: string } {
  const i = value.indexOf(':');
  const kind = i < 0 ? '' : value.slice(0, i).trim().toLowerCase();
  const v = i < 0 ? '' : value.slice(i + 1).trim();
  const kinds = ['challenge', 'inspection', 'programme', 'measure', 'tag'];
  if (!kinds.includes(kind) || v === '') {
    throw new ValidationError(`"${value}" is not a reference: write kind:value with kind one of ${kinds.join(', ')} (e.g. inspection:11)`, 'ref');
  }
  return { kind, value: v };
}
