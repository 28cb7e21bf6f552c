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

/** Turns action keys into links with plan titles, numbers and titles, reading the authority's actions once. */
export async function actionLinker(actions: ActionService, ctx: Ctx): Promise<(key: string) => ActionLink> {
  const known = new Map((await actions.list(ctx)).map((a) => [a.key, a]));
  return (key) => {
    const a = known.get(key);
    return { key, href: actionPath(key), title: a?.title ?? '', planTitle: a?.planTitle ?? '', number: a?.number ?? '' };
  };
}
