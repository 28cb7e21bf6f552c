// Links from the cross-reference, risk, voice and search pages to action pages, with the actions' titles.
import type { App } from '../../composition.ts';
import type { Ctx } from '../../services/context.ts';
import { actionPath } from '../actions/action-view.ts';

/** The page of one action, addressed by its key (plan-slug:number). */
export const actionHref = (key: string): string => actionPath(key);

export interface ActionLink {
  key: string;
  href: string;
  /** The action's title, or empty when the key names no action the reader can see. */
  title: string;
}

/** Turns action keys into links with titles, reading the authority's actions once. */
export async function actionLinker(app: App, ctx: Ctx): Promise<(key: string) => ActionLink> {
  const titles = new Map((await app.services.actions.list(ctx)).map((a) => [a.key, a.title]));
  return (key) => ({ key, href: actionHref(key), title: titles.get(key) ?? '' });
}
