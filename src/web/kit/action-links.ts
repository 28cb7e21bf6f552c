// Links from the cross-reference, risk, voice, search and audit pages to action pages, with the actions' titles.
import type { ActionService } from '../../services/actions/index.ts';
import type { Ctx } from '../../services/context.ts';
import { actionPath } from './paths.ts';

export interface ActionLink {
  key: string;
  href: string;
  /** The action's title, or empty when the key names no action the reader can see. */
  title: string;
}

/** Turns action keys into links with titles, reading the authority's actions once. */
export async function actionLinker(actions: ActionService, ctx: Ctx): Promise<(key: string) => ActionLink> {
  const titles = new Map((await actions.list(ctx)).map((a) => [a.key, a.title]));
  return (key) => ({ key, href: actionPath(key), title: titles.get(key) ?? '' });
}
