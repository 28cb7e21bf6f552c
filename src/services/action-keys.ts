// Actions named by their keys (plan-slug:number) on a form, found in the authority's plans: what
// risks and the young people's priorities link to.
import { parseActionKey } from '../domain/action-key.ts';
import { ValidationError } from '../domain/errors.ts';
import type { Repositories } from '../repositories/store.ts';
import type { Ctx } from './context.ts';

/** The ids of the actions, in order, once each; a key that is malformed or names no action is refused against `field`. */
export async function actionIdsForKeys(repos: Repositories, ctx: Ctx, keys: readonly string[], field: string): Promise<number[]> {
  const ids: number[] = [];
  for (const keyText of keys) {
    let key;
    try {
      key = parseActionKey(keyText);
    } catch (err) {
      if (err instanceof ValidationError) throw new ValidationError(err.message, field);
      throw err;
    }
    const plan = await repos.plans.findBySlug(ctx.organisationId, key.plan);
    const action = plan ? await repos.actions.findByNumber(plan.id, key.number) : undefined;
    if (!action) throw new ValidationError(`There is no action ${keyText}: write the plan's short name and the action's number, for example ${key.plan}:4`, field);
    if (!ids.includes(action.id)) ids.push(action.id);
  }
  return ids;
}
