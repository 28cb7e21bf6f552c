// Dashboards: every measure in its group (the authority's whole picture), and named dashboards ("Corporate
// Parenting Board", "Scrutiny") whose tiles a manager or analyst chooses and orders. Tiles are read with
// the measure read model, so a tile shows exactly what the measure's page shows.
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { MAX_INTEGER, parseInput } from '../domain/validation.ts';
import type { Store } from '../repositories/store.ts';
import { requireCapability, type Ctx } from './context.ts';
import { MEASURE_GROUPS, type MeasureReading } from './measure-reading.ts';
import type { MeasureService } from './measure.service.ts';
import { requireCurrentVersion, staleError } from './stale-write.ts';

export interface DashboardSummary {
  id: number;
  name: string;
  version: number;
  tiles: string[];
}

export interface DashboardGroup {
  key: string;
  title: string;
  tiles: MeasureReading[];
}

export interface DashboardView {
  /** Null for the whole picture (every measure). */
  id: number | null;
  name: string;
  version: number;
  asAt: string;
  groups: DashboardGroup[];
}

const nameSchema = z.string().trim().min(1, { message: 'Enter a name for the dashboard' }).max(80, { message: 'The name must be 80 characters or fewer' });

export const newDashboardSchema = z.object({ name: nameSchema }).strict();

export const tilesSchema = z
  .object({
    name: nameSchema,
    /** Measure codes in the order chosen. */
    tiles: z.array(z.string().trim().min(1)).max(200),
    expectedVersion: z.number().int().min(1).max(MAX_INTEGER).optional(),
  })
  .strict();

/** Each code's place in the usual order of the whole picture. */
const USUAL_ORDER = new Map<string, number>();
for (const [i, code] of MEASURE_GROUPS.flatMap((g) => g.codes).entries()) if (!USUAL_ORDER.has(code)) USUAL_ORDER.set(code, i);

/** Tiles grouped as the dashboard shows them: groups in the order of their first tile (the whole picture: the usual order). */
function grouped(readings: MeasureReading[], keepOrder: boolean): DashboardGroup[] {
  const groups: DashboardGroup[] = [];
  for (const r of readings) {
    let g = groups.find((x) => x.key === r.group.key);
    if (!g) groups.push((g = { key: r.group.key, title: r.group.title, tiles: [] }));
    g.tiles.push(r);
  }
  if (keepOrder) return groups;
  // The whole picture: each group's measures in the usual order, then any others by code.
  const rank = (code: string): number => USUAL_ORDER.get(code) ?? 2 ** 32 - 1;
  for (const g of groups) g.tiles.sort((a, b) => rank(a.measure.code) - rank(b.measure.code) || a.measure.code.localeCompare(b.measure.code));
  const order = MEASURE_GROUPS.map((g) => g.key);
  return groups.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

export class DashboardService {
  constructor(
    private readonly store: Store,
    private readonly measures: MeasureService,
  ) {}

  async list(ctx: Ctx): Promise<DashboardSummary[]> {
    const rows = await this.store.read.dashboards.list(ctx.organisationId);
    return rows.map((d) => ({ id: d.id, name: d.name, version: d.version, tiles: d.tiles }));
  }

  /** What the dashboard page shows: a named dashboard's tiles (every measure with no id) and every named dashboard, from one read of the dashboards. */
  async page(ctx: Ctx, id: number | null, options: { asAt?: string | undefined } = {}): Promise<{ view: DashboardView; named: DashboardSummary[] }> {
    const named = await this.list(ctx);
    if (id === null) return { view: await this.show(ctx, null, options), named };
    const d = named.find((x) => x.id === id);
    if (!d) throw new NotFoundError(`There is no dashboard ${id}.`);
    return { view: await this.showTiles(ctx, d, options), named };
  }

  async find(ctx: Ctx, id: number): Promise<DashboardSummary> {
    const repos = this.store.read;
    const d = await repos.dashboards.find(ctx.organisationId, id);
    if (!d) throw new NotFoundError(`There is no dashboard ${id}.`);
    return { id: d.id, name: d.name, version: d.version, tiles: await repos.dashboards.tiles(d.id) };
  }

  /** A named dashboard's tiles at a date, or with no id every measure in its group. */
  async show(ctx: Ctx, id: number | null, options: { asAt?: string | undefined } = {}): Promise<DashboardView> {
    if (id === null) {
      const readings = await this.measures.readings(ctx, { asAt: options.asAt });
      return { id: null, name: 'All measures', version: 0, asAt: readings[0]?.asAt ?? options.asAt ?? '', groups: grouped(readings, false) };
    }
    return this.showTiles(ctx, await this.find(ctx, id), options);
  }

  private async showTiles(ctx: Ctx, d: DashboardSummary, options: { asAt?: string | undefined }): Promise<DashboardView> {
    const readings = await this.measures.readings(ctx, { codes: d.tiles, asAt: options.asAt });
    return { id: d.id, name: d.name, version: d.version, asAt: readings[0]?.asAt ?? options.asAt ?? '', groups: grouped(readings, true) };
  }

  async create(ctx: Ctx, raw: unknown): Promise<DashboardSummary> {
    requireCapability(ctx, 'dashboards.manage', 'create dashboards');
    const { name } = parseInput(newDashboardSchema, raw);
    return this.store.transaction(async (repos) => {
      if (await repos.dashboards.findByName(ctx.organisationId, name)) throw new ValidationError(`There is already a dashboard called "${name}"`, 'name');
      const row = await repos.dashboards.insert({ organisationId: ctx.organisationId, name, createdBy: ctx.actor });
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'dashboard.created',
        entityType: 'dashboard',
        entityId: row.id,
        entityKey: name,
        before: null,
        after: { name },
      });
      return { id: row.id, name: row.name, version: row.version, tiles: [] };
    });
  }

  /** Renames a dashboard and sets its tiles, in order; refused when someone changed it since `expectedVersion`. */
  async setTiles(ctx: Ctx, id: number, raw: unknown): Promise<DashboardSummary> {
    requireCapability(ctx, 'dashboards.manage', 'change dashboards');
    const input = parseInput(tilesSchema, raw);
    return this.store.transaction(async (repos) => {
      const d = await repos.dashboards.find(ctx.organisationId, id);
      if (!d) throw new NotFoundError(`There is no dashboard ${id}.`);
      await requireCurrentVersion(repos, { entityType: 'dashboard', entityId: d.id, what: `The dashboard "${d.name}"` }, input.expectedVersion, d.version);
      const known = new Set((await repos.measures.list(ctx.organisationId)).map((m) => m.code));
      const unknown = input.tiles.find((c) => !known.has(c));
      if (unknown !== undefined) throw new ValidationError(`There is no measure "${unknown}"`, 'tiles');
      const tiles = [...new Set(input.tiles)];
      const clash = await repos.dashboards.findByName(ctx.organisationId, input.name);
      if (clash && clash.id !== d.id) throw new ValidationError(`There is already a dashboard called "${input.name}"`, 'name');
      const before = { name: d.name, tiles: await repos.dashboards.tiles(d.id) };
      const row = await repos.dashboards.touch(d.id, d.version, input.name);
      if (!row) {
        // Another writer got in between the read and this write.
        const now = await repos.dashboards.find(ctx.organisationId, d.id);
        throw await staleError(repos, 'dashboard', d.id, `The dashboard "${d.name}"`, d.version, now?.version ?? d.version);
      }
      await repos.dashboards.replaceTiles(d.id, tiles);
      await repos.audit.record({
        organisationId: ctx.organisationId,
        actor: ctx.actor,
        event: 'dashboard.changed',
        entityType: 'dashboard',
        entityId: d.id,
        entityKey: input.name,
        before,
        after: { name: input.name, tiles },
      });
      return { id: row.id, name: row.name, version: row.version, tiles };
    });
  }
}
