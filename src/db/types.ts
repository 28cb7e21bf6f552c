// Table types for Kysely (camelCase here, snake_case in SQL through CamelCasePlugin).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A date column: read back as yyyy-mm-dd text (see the type parsers in database.ts), written as text. */
type DateCol = ColumnType<string, string, string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  shortName: string;
  laCode: string | null;
  region: string | null;
  createdAt: Stamp;
}

export interface SettingTable {
  organisationId: number;
  key: string;
  value: ColumnType<unknown, string, string>;
}

export interface PlanTable {
  id: Generated<number>;
  organisationId: number;
  slug: string;
  title: string;
  kind: string;
  periodStart: DateCol | null;
  periodEnd: DateCol | null;
  status: string;
  description: string;
  version: Generated<number>;
  createdAt: Stamp;
  updatedAt: Stamp;
}

export interface PlanNodeTable {
  id: Generated<number>;
  planId: number;
  parentId: number | null;
  position: number;
  kind: string;
  number: string;
  title: string;
  description: string;
  lead: string | null;
  seniorResponsibleOwner: string | null;
  deliveryGroup: string | null;
  chair: string | null;
  status: string | null;
  statusTrend: string | null;
  statusReason: string;
  statusAsAt: DateCol | null;
  version: Generated<number>;
}

export interface ActionTable {
  id: Generated<number>;
  planId: number;
  nodeId: number;
  parentActionId: number | null;
  position: number;
  number: string;
  title: string;
  description: string;
  successMeasures: string;
  outcome: string;
  flags: ColumnType<string[], string[] | undefined, string[]>;
  version: Generated<number>;
  createdAt: Stamp;
  updatedAt: Stamp;
}

export interface ActionOwnerTable {
  id: Generated<number>;
  actionId: number;
  position: number;
  name: string | null;
  role: string | null;
}

export interface ActionDeadlineTable {
  id: Generated<number>;
  actionId: number;
  dueDate: DateCol;
  reason: string;
  setBy: string;
  setAt: Stamp;
}

export interface ActionStatusTable {
  id: Generated<number>;
  actionId: number;
  kind: string;
  status: string;
  asAt: DateCol;
  reason: string;
  proposedBy: string;
  approvedBy: string | null;
  recordedAt: Stamp;
}

export interface ProgressUpdateTable {
  id: Generated<number>;
  actionId: number;
  updateDate: DateCol;
  author: string;
  body: string;
  createdAt: Stamp;
}

export interface ActionRefTable {
  id: Generated<number>;
  actionId: number;
  kind: string;
  value: string;
}

export interface ActionKpiTable {
  id: Generated<number>;
  actionId: number;
  position: number;
  title: string;
  measureCode: string | null;
  unit: string;
  targets: ColumnType<{ by: string; value: number }[], string, string>;
}

export interface RiskTable {
  id: Generated<number>;
  organisationId: number;
  planId: number | null;
  nodeId: number | null;
  reference: string;
  title: string;
  impact: string;
  mitigation: string;
  owner: string;
  reviewDate: DateCol | null;
  status: string;
  version: Generated<number>;
  createdAt: Stamp;
  updatedAt: Stamp;
}

export interface RiskScoreTable {
  id: Generated<number>;
  riskId: number;
  likelihood: number;
  impact: number;
  recordedAt: Stamp;
  recordedBy: string;
  note: string;
}

export interface RiskActionTable {
  riskId: number;
  actionId: number;
}

export interface VoiceItemTable {
  id: Generated<number>;
  organisationId: number;
  council: string;
  priority: string;
  youSaid: string;
  weDid: string;
  raisedBy: string;
  raisedOn: DateCol;
  status: string;
  version: Generated<number>;
  createdAt: Stamp;
  updatedAt: Stamp;
}

export interface VoiceItemActionTable {
  voiceItemId: number;
  actionId: number;
}

export interface GlossaryTermTable {
  id: Generated<number>;
  organisationId: number;
  term: string;
  expansion: string;
  definition: string;
  version: Generated<number>;
}

export interface AuditEventTable {
  id: Generated<string>;
  organisationId: number | null;
  occurredAt: Stamp;
  actor: string;
  event: string;
  entityType: string;
  entityId: number | null;
  entityKey: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
}

export interface Database {
  organisation: OrganisationTable;
  setting: SettingTable;
  plan: PlanTable;
  planNode: PlanNodeTable;
  action: ActionTable;
  actionOwner: ActionOwnerTable;
  actionDeadline: ActionDeadlineTable;
  actionStatus: ActionStatusTable;
  progressUpdate: ProgressUpdateTable;
  actionRef: ActionRefTable;
  actionKpi: ActionKpiTable;
  risk: RiskTable;
  riskScore: RiskScoreTable;
  riskAction: RiskActionTable;
  voiceItem: VoiceItemTable;
  voiceItemAction: VoiceItemActionTable;
  glossaryTerm: GlossaryTermTable;
  auditEvent: AuditEventTable;
}

export type PlanRow = Selectable<PlanTable>;
export type PlanNodeRow = Selectable<PlanNodeTable>;
export type ActionRow = Selectable<ActionTable>;
export type NewAction = Insertable<ActionTable>;
