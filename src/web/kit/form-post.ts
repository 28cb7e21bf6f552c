// A form sent to a page: read with its schema, handed to the service, then on to the next page
// (303), or the form again with its errors (400) or with the other person's change (409).
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { StaleWriteError, ValidationError } from '../../domain/errors.ts';
import { readFormInOrder } from './form-fields.ts';
import { errorsFromValidation, formValues, type FieldMap, type FormError, type FormValues } from './forms.ts';
import { staleChangeView, type StaleChangeView } from './stale-change.ts';

/** What a form is drawn with: the values to show, and its errors or the change that made it stale. */
export interface FormState {
  values: FormValues;
  errors?: FormError[];
  stale?: StaleChangeView | null;
}

export interface FormPost<T> {
  schema: z.ZodType<T>;
  body: unknown;
  /** Draws the form again with a state and a status. */
  render: (state: FormState, status: number) => Promise<FastifyReply>;
  /** Hands the value to the service; answers the address to go on to. */
  save: (value: T) => Promise<string>;
  /** Where a service's ValidationError lands (kit/forms.ts's FieldMap), and the form's first field otherwise. */
  fields: FieldMap;
  fallback: string;
}

export async function postForm<T>(reply: FastifyReply, post: FormPost<T>): Promise<FastifyReply> {
  const parsed = readFormInOrder(post.schema, post.body);
  if (!parsed.ok) return post.render({ values: parsed.values, errors: parsed.errors }, 400);
  const body = formValues(post.body);
  let location: string;
  try {
    location = await post.save(parsed.value);
  } catch (err) {
    // Stale: what they typed stays, on the version now current, so sending it again is a choice.
    if (err instanceof StaleWriteError) return post.render({ values: { ...body, version: String(err.currentVersion) }, stale: staleChangeView(err) }, 409);
    if (err instanceof ValidationError) return post.render({ values: body, errors: errorsFromValidation(err, post.fields, post.fallback) }, 400);
    throw err;
  }
  return reply.code(303).redirect(location);
}
