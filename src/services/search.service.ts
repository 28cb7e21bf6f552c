// Searching an authority's actions, progress updates and cross-references for a word or phrase (or a
// reference's number: "11", "challenge 4", "inspection recommendation 11"), with the match in context.
import type { Brag } from '../domain/brag.ts';
import type { RefKind } from '../domain/plan-document.ts';
import { formatActionKey } from '../domain/action-key.ts';
import { ValidationError } from '../domain/errors.ts';
import type { SearchRepository } from '../repositories/search.repository.ts';
import type { Store } from '../repositories/store.ts';
import { summarise } from './actions/action-read-model.ts';
import { asOfDate, type Ctx } from './context.ts';

/** The matched words with some of the text either side, cut at word boundaries. */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export interface ActionHit {
  key: string;
  plan: string;
  planTitle: string;
  number: string;
  title: string;
  status: Brag | null;
  /** Where the words were found. */
  field: 'title' | 'description' | 'success measures';
  snippet: Snippet;
}

export interface UpdateHit {
  key: string;
  planTitle: string;
  number: string;
  actionTitle: string;
  date: string;
  author: string;
  snippet: Snippet;
}

/** A cross-reference found by its number or by words in what it says, its title or its source. */
export interface ReferenceHit {
  kind: RefKind;
  value: string;
  title: string;
  /** Where the words were found; null when found by its number. */
  snippet: Snippet | null;
  /** Whether anything is recorded for it (else it was found by number among the references actions cite). */
  recorded: boolean;
}

export interface SearchResults {
  query: string;
  references: ReferenceHit[];
  actions: ActionHit[];
  updates: UpdateHit[];
  /** True when either list stopped at the limit: there may be more to find with other words. */
  limited: boolean;
}

export const SEARCH_LIMIT = 100;
export const MIN_QUERY_LENGTH = 2;
export const MAX_QUERY_LENGTH = 200;

/**
 * The first place `query` occurs in `text` (ignoring case), with up to `radius` characters either
 * side; an ellipsis marks text left out. Undefined when the text does not contain the query.
 */
export function snippetOf(text: string, query: string, radius = 90): Snippet | undefined {
  // Bullet markers at the start of lines read as noise once the lines are run together.
  const flat = text.replace(/^\s*[-*•]\s+/gm, '').replace(/\s+/g, ' ').trim();
  const at = flat.toLowerCase().indexOf(query.toLowerCase().replace(/\s+/g, ' '));
  if (at < 0) return undefined;
  const end = at + query.replace(/\s+/g, ' ').length;
  let start = Math.max(0, at - radius);
  let stop = Math.min(flat.length, end + radius);
  // Cut at a space so a word is never shown in part.
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : at;
  }
  if (stop < flat.length) {
    const space = flat.lastIndexOf(' ', stop);
    stop = space > end ? space : end;
  }
  return {
    before: (start > 0 ? '… ' : '') + flat.slice(start, at),
    match: flat.slice(at, end),
    after: flat.slice(end, stop) + (stop < flat.length ? ' …' : ''),
  };
}

const KIND_WORDS: [RegExp, RefKind][] = [
  [/^(?:inspection(?:\s+recommendation)?|recommendation|rec\.?)$/i, 'inspection'],
  [/^(?:sufficiency\s+)?challenge$/i, 'challenge'],
  [/^(?:cypp\s+)?programme$/i, 'programme'],
];

const isNumbered = (kind: string): boolean => kind === 'inspection' || kind === 'challenge' || kind === 'programme';

/**
 * The reference a query names by number: "11" (any kind), "challenge 4", "inspection recommendation 11",
 * "programme 6"; undefined for other words.
 */
export function referenceNumber(query: string): { kind?: RefKind; value: string } | undefined {
  const m = /^(.*?)\s*([0-9]+[a-z]?(?:\.[0-9]+[a-z]?)*)$/i.exec(query.trim());
  if (!m) return undefined;
  const words = m[1]!.trim();
  const value = m[2]!;
  if (words === '') return { value };
  const kind = KIND_WORDS.find(([re]) => re.test(words))?.[1];
  return kind === undefined ? undefined : { kind, value };
}

export class SearchService {
  constructor(
    private readonly store: Store,
    private readonly search: SearchRepository,
  ) {}

  /** Actions and updates containing the words, at most SEARCH_LIMIT of each; an empty query finds nothing. */
  async find(ctx: Ctx, raw: string): Promise<SearchResults> {
    const query = raw.replace(/\s+/g, ' ').trim();
    if (query === '') return { query, references: [], actions: [], updates: [], limited: false };
    if (query.length < MIN_QUERY_LENGTH) throw new ValidationError(`Enter at least ${MIN_QUERY_LENGTH} characters to search for`, 'q');
    if (query.length > MAX_QUERY_LENGTH) throw new ValidationError(`Search for ${MAX_QUERY_LENGTH} characters or fewer`, 'q');

    const repos = this.store.read;
    const number = referenceNumber(query);
    const [actionRows, updateRows, referenceRows, inUse] = await Promise.all([
      this.search.actions(ctx.organisationId, query, SEARCH_LIMIT),
      this.search.updates(ctx.organisationId, query, SEARCH_LIMIT),
      repos.references.search(ctx.organisationId, query, number, SEARCH_LIMIT),
      number === undefined ? Promise.resolve([]) : repos.actions.refCounts(ctx.organisationId),
    ]);
    const references: ReferenceHit[] = referenceRows.map((r) => ({
      kind: r.kind as RefKind,
      value: r.value,
      title: r.title,
      snippet: snippetOf(r.title, query) ?? snippetOf(r.body, query) ?? snippetOf(r.source, query) ?? null,
      recorded: true,
    }));
    // A number cited by actions but with nothing recorded yet is found too.
    const recordedKeys = new Set(references.map((r) => `${r.kind}:${r.value.toLowerCase()}`));
    for (const c of inUse) {
      if (!isNumbered(c.kind) || (number?.kind !== undefined && c.kind !== number.kind) || c.value.toLowerCase() !== number?.value.toLowerCase()) continue;
      if (!recordedKeys.has(`${c.kind}:${c.value.toLowerCase()}`)) references.push({ kind: c.kind as RefKind, value: c.value, title: '', snippet: null, recorded: false });
    }
    const summaries = await summarise(repos, await repos.actions.list({ organisationId: ctx.organisationId, ids: actionRows.map((a) => a.actionId) }), asOfDate(ctx));
    const statusOf = new Map(summaries.map((s) => [s.id, s.status]));

    const actions: ActionHit[] = [];
    for (const a of actionRows) {
      const fields = [
        ['title', a.title],
        ['description', a.description],
        ['success measures', a.successMeasures],
      ] as const;
      for (const [field, text] of fields) {
        const snippet = snippetOf(text, query);
        if (snippet === undefined) continue;
        actions.push({
          key: formatActionKey({ plan: a.planSlug, number: a.number }),
          plan: a.planSlug,
          planTitle: a.planTitle,
          number: a.number,
          title: a.title,
          status: statusOf.get(a.actionId) ?? null,
          field,
          snippet,
        });
        break;
      }
    }
    const updates: UpdateHit[] = [];
    for (const u of updateRows) {
      const snippet = snippetOf(u.body, query);
      // The database and JavaScript agree on case folding for the sector's text; a row they disagree on is left out.
      if (snippet === undefined) continue;
      updates.push({ key: formatActionKey({ plan: u.planSlug, number: u.number }), planTitle: u.planTitle, number: u.number, actionTitle: u.actionTitle, date: u.updateDate, author: u.author, snippet });
    }
    return { query, references, actions, updates, limited: actionRows.length >= SEARCH_LIMIT || updateRows.length >= SEARCH_LIMIT || referenceRows.length >= SEARCH_LIMIT };
  }
}
