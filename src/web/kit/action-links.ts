// Actions as people name them — their plan's title and their number, never the key plan-slug:number
// that the command line and the API use — and links from the cross-reference, risk, voice, search
// and audit pages to action pages, with the actions' titles.
import type { ActionService } from '../../services/actions/index.ts';
import type { Ctx } from '../../services/context.ts';
import { actionPath } from './paths.ts';

/** What names an action for people: its plan's title and its number within the plan. */
export interface NamedAction {
  planTitle: string;
  number: string;
}

/** "Children and Young People’s Plan 2024–27, action 6.7". The kit's actionName macro writes the same, marking acronyms. */
export const actionName = (a: NamedAction): string => `${a.planTitle}, action ${a.number}`;

export interface ActionLink extends NamedAction {
  key: string;
  href: string;
  /** The action's title, or empty when the key names no action the reader can see (then planTitle and number are empty too). */
  title: string;
}

/**
 * Turns action keys into links with plan titles, numbers and titles, reading the authority's actions
 * once. Given the action's id too (the audit log has it), a key the action no longer has — it was
 * moved or renumbered since — links to where the action is now.
 */
export async function actionLinker(actions: ActionService, ctx: Ctx): Promise<(key: string, action?: { id: number | null }) => ActionLink> {
  const list = await actions.list(ctx);
  const known = new Map(list.map((a) => [a.key, a]));
  const byId = new Map(list.map((a) => [a.id, a]));
  return (key, action) => {
    const id = action?.id;
    const a = known.get(key) ?? (id === undefined || id === null ? undefined : byId.get(id));
    const now = a?.key ?? key;
    return { key: now, href: actionPath(now), title: a?.title ?? '', planTitle: a?.planTitle ?? '', number: a?.number ?? '' };
  };
}
