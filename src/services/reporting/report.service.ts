// Board reports built from a closed round's snapshot (with the snapshot before it, for what changed
// since the last board), or as a draft from the live data: the open round's snapshot built as closing
// would build it and thrown away, the cover marked "Draft — not yet reported". Whoever reads snapshots
// reads their reports: they hold no child's data.
import { NotFoundError } from '../../domain/errors.ts';
import { isReportKind, REPORT_KINDS, type ReportInput, type ReportKind } from '../../reports/common.ts';
import { buildAnnual } from '../../reports/annual.ts';
import { buildExecSummary } from '../../reports/exec-summary.ts';
import type { ReportDocument } from '../../reports/model.ts';
import { buildScrutiny } from '../../reports/scrutiny.ts';
import type { Store } from '../../repositories/store.ts';
import type { Ctx } from '../context.ts';
import type { SnapshotService } from './snapshot.service.ts';

export type ReportSource = { snapshot: number } | { draft: true };

const BUILDERS: Record<ReportKind, (input: ReportInput) => ReportDocument> = {
  'exec-summary': buildExecSummary,
  annual: buildAnnual,
  scrutiny: buildScrutiny,
};

/** The report of this kind from this input: the same input, the same document. */
export const buildReportDocument = (kind: ReportKind, input: ReportInput): ReportDocument => BUILDERS[kind](input);

export class ReportService {
  constructor(
    private readonly store: Store,
    private readonly snapshots: SnapshotService,
  ) {}

  /** The report's input: the snapshot (or the draft) and the snapshot before it. */
  async input(ctx: Ctx, source: ReportSource): Promise<ReportInput> {
    const organisation = (await this.store.read.organisations.list()).find((o) => o.id === ctx.organisationId);
    const authority = organisation?.name ?? '';
    if ('draft' in source) {
      const [view, newest] = await Promise.all([this.snapshots.draft(ctx), this.snapshots.list(ctx)]);
      const previous = newest[0] === undefined ? null : (await this.snapshots.show(ctx, newest[0].number)).content;
      return { snapshot: view, content: view.content, previous, draft: true, authority };
    }
    const view = await this.snapshots.show(ctx, source.snapshot);
    const earlier = await this.snapshots.before(ctx, source.snapshot);
    return { snapshot: view, content: view.content, previous: earlier?.content ?? null, draft: false, authority };
  }

  /** A board report: the quarterly executive summary, the annual report or the scrutiny pack. */
  async buildReport(ctx: Ctx, kind: string, source: ReportSource): Promise<ReportDocument> {
    if (!isReportKind(kind)) throw new NotFoundError(`There is no report called "${kind}": the reports are ${REPORT_KINDS.join(', ')}.`);
    return buildReportDocument(kind, await this.input(ctx, source));
  }
}
