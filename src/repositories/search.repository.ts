// Finding words in an authority's actions (title, description, success measures) and progress updates.
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';

export interface ActionTextMatch {
  actionId: number;
  planSlug: string;
  planTitle: string;
  number: string;
  title: string;
  description: string;
  successMeasures: string;
}

export interface UpdateTextMatch {
  updateId: number;
  actionId: number;
  planSlug: string;
  planTitle: string;
  number: string;
  actionTitle: string;
  updateDate: string;
  author: string;
  body: string;
}

/** LIKE treats % and _ as wildcards: a search for "100%" means the characters, not a pattern. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class SearchRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Actions whose title, description or success measures contain the text, in plan order. */
  actions(organisationId: number, text: string, limit: number): Promise<ActionTextMatch[]> {
    const like = likePattern(text);
    return this.db
      .selectFrom('action')
      .innerJoin('plan', 'plan.id', 'action.planId')
      .select(['action.id as actionId', 'plan.slug as planSlug', 'plan.title as planTitle', 'action.number', 'action.title', 'action.description', 'action.successMeasures'])
      .where('plan.organisationId', '=', organisationId)
      .where((eb) =>
        eb.or([eb('action.title', 'ilike', like), eb('action.description', 'ilike', like), eb('action.successMeasures', 'ilike', like)]),
      )
      .orderBy('action.planId')
      .orderBy('action.nodeId')
      .orderBy('action.position')
      .orderBy('action.id')
      .limit(limit)
      .execute();
  }

  /** Progress updates whose text contains the text, newest first. */
  updates(organisationId: number, text: string, limit: number): Promise<UpdateTextMatch[]> {
    return this.db
      .selectFrom('progressUpdate')
      .innerJoin('action', 'action.id', 'progressUpdate.actionId')
      .innerJoin('plan', 'plan.id', 'action.planId')
      .select([
        'progressUpdate.id as updateId',
        'action.id as actionId',
        'plan.slug as planSlug',
        'plan.title as planTitle',
        'action.number',
        'action.title as actionTitle',
        'progressUpdate.updateDate',
        'progressUpdate.author',
        'progressUpdate.body',
      ])
      .where('plan.organisationId', '=', organisationId)
      .where('progressUpdate.body', 'ilike', likePattern(text))
      .orderBy('progressUpdate.updateDate', 'desc')
      .orderBy('progressUpdate.id', 'desc')
      .limit(limit)
      .execute();
  }
}
