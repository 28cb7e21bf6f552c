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

/** 'demo': the fictional demonstration authority; 'real': an authority's own data. */
export type DeploymentMode = 'demo' | 'real';

/** One row at most: how the database was set up, written with its first authority. */
export interface DeploymentTable {
  onlyRow: Generated<boolean>;
  mode: DeploymentMode;
  markedAt: Stamp;
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
  /** Set while the plan is archived: readable, out of the default list, closed to changes (0015). */
  archivedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  archivedBy: ColumnType<string | null, string | null | undefined, string | null>;
  /** The plan this one was rolled over from (0015). */
  rolledFromPlanId: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** The action this one carries over from an earlier plan (0015). */
  rolledFromId: ColumnType<number | null, number | null | undefined, number | null>;
  /** Closed as no longer needed: the day, the reason and who closed it (0015); never deleted. */
  closedOn: ColumnType<string | null, string | null | undefined, string | null>;
  closedReason: Generated<string>;
  closedBy: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** A proposal turned down (approvedBy stays null); see 0004_approvals. */
  rejectedBy: string | null;
  decidedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decisionReason: Generated<string>;
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
  closedOn: DateCol | null;
  closedReason: Generated<string>;
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
  assessedOn: DateCol | null;
}

export interface RiskActionTable {
  riskId: number;
  actionId: number;
}

export interface RiskMeasureTable {
  riskId: number;
  measureId: number;
}

export interface VoiceResponseTable {
  id: Generated<number>;
  voiceItemId: number;
  respondedOn: DateCol;
  weDid: string;
  evidence: string;
  recordedBy: string;
  recordedAt: Stamp;
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
  answeredOn: DateCol | null;
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
  retiredOn: DateCol | null;
  version: Generated<number>;
}

/** What a cross-reference (inspection recommendation, challenge, programme) says, where from and when. */
export interface CrossReferenceTable {
  id: Generated<number>;
  organisationId: number;
  kind: string;
  value: string;
  title: Generated<string>;
  body: Generated<string>;
  source: Generated<string>;
  issuedOn: DateCol | null;
  version: Generated<number>;
  createdAt: Stamp;
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

/** A numeric column: read back as text (exact decimals, see database.ts), written as a number or text. */
type NumCol = ColumnType<string | null, number | string | null, number | string | null>;

export interface MeasureTable {
  id: Generated<number>;
  organisationId: number;
  code: string;
  title: string;
  description: string;
  numerator: string;
  denominator: string;
  unit: string;
  polarity: string;
  frequency: string;
  source: string;
  amberBand: NumCol;
  version: Generated<number>;
  createdAt: Stamp;
  updatedAt: Stamp;
}

export interface MeasureValueTable {
  id: Generated<string>;
  organisationId: number;
  measureId: number;
  periodEnd: DateCol;
  periodWindow: string;
  breakdownDimension: string;
  breakdownCategory: string;
  numerator: NumCol;
  denominator: NumCol;
  value: NumCol;
  symbol: string | null;
  /** Said beside the figure wherever it is read on its own (the 903 engine's notes); no child's details. */
  note: string | null;
  source: string;
  importedAt: Stamp;
  importedBy: string;
}

export interface MeasureTargetTable {
  id: Generated<number>;
  organisationId: number;
  measureId: number;
  effectiveFrom: DateCol;
  effectiveTo: DateCol | null;
  value: ColumnType<string, number | string, number | string>;
  staged: boolean;
  label: string;
  reason: Generated<string>;
  createdBy: string;
  createdAt: Stamp;
}

export interface MeasureChangeTable {
  id: Generated<number>;
  organisationId: number;
  measureId: number;
  kind: string;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string, string>;
  reason: Generated<string>;
  changedBy: string;
  changedAt: Stamp;
}

export interface BenchmarkQuartileTable {
  organisationId: number;
  measureCode: string;
  timePeriod: number;
  authorities: number;
  q0: ColumnType<string, number | string, number | string>;
  q1: ColumnType<string, number | string, number | string>;
  q2: ColumnType<string, number | string, number | string>;
  q3: ColumnType<string, number | string, number | string>;
  q4: ColumnType<string, number | string, number | string>;
  importedAt: Stamp;
  importedBy: string;
}

export interface BenchmarkTable {
  id: Generated<string>;
  organisationId: number;
  measureCode: string;
  indicatorKey: string;
  comparator: string;
  comparatorName: string;
  timePeriod: number;
  breakdownDimension: string;
  breakdownCategory: string;
  value: NumCol;
  symbol: string | null;
  authorities: number | null;
  importedAt: Stamp;
  importedBy: string;
}

export interface DashboardTable {
  id: Generated<number>;
  organisationId: number;
  name: string;
  version: Generated<number>;
  createdBy: string;
  createdAt: Stamp;
  updatedAt: Stamp;
}

export interface DashboardTileTable {
  dashboardId: number;
  measureCode: string;
  position: number;
}

export interface MeasureCommentaryTable {
  id: Generated<number>;
  organisationId: number;
  measureCode: string;
  periodEnd: DateCol;
  body: string;
  author: string;
  createdAt: Stamp;
}

export interface PopulationTable {
  organisationId: number;
  laCode: string;
  year: number;
  count: number;
}

export interface StatisticalNeighbourTable {
  organisationId: number;
  model: string;
  laCode: string;
  neighbourLaCode: string;
  rank: number;
  closeness: string;
}

export interface DfeAuthorityTable {
  organisationId: number;
  oldLaCode: string;
  newLaCode: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export interface Ssda903UploadTable {
  id: Generated<number>;
  organisationId: number;
  uploadedBy: string;
  uploadedAt: Stamp;
  files: ColumnType<unknown, string, string>;
  collectionYears: ColumnType<number[], number[], number[]>;
  rowCount: number;
  errors: number;
  warnings: number;
  issueSummary: ColumnType<unknown, string, string>;
  replacedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface Ssda903RecordTable {
  id: Generated<string>;
  organisationId: number;
  uploadId: number;
  tableName: string;
  collectionYear: number;
  file: string;
  line: number;
  child: string;
  fields: ColumnType<Record<string, string>, string, string>;
}

export interface Ssda903FindingTable {
  id: Generated<string>;
  organisationId: number;
  uploadId: number;
  severity: string;
  checkCode: string;
  file: string;
  line: number;
  columnName: string | null;
  child: string;
  message: string;
  /** The other rows the finding involves, as said after it ("see also row 13"); empty when none. */
  seeAlso: string;
}

export interface Ssda903ImportTable {
  id: Generated<number>;
  organisationId: number;
  startedBy: string;
  startedAt: Stamp;
  files: ColumnType<unknown, string, string>;
  rows: number;
  state: string;
  phase: ColumnType<string, string | undefined, string>;
  done: ColumnType<number, number | undefined, number>;
  total: ColumnType<number, number | undefined, number>;
  message: ColumnType<string, string | undefined, string>;
  uploadId: ColumnType<number | null, number | null | undefined, number | null>;
  updatedAt: Stamp;
  finishedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface UserAccountTable {
  id: Generated<number>;
  organisationId: number;
  /** Always lower case: one account per address however it is typed. */
  email: string;
  name: string;
  role: string;
  /** Null for accounts that sign in only through the authority's identity provider. */
  passwordHash: string | null;
  identityProvider: string | null;
  subject: string | null;
  disabledAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  createdAt: Stamp;
  version: Generated<number>;
}

export interface UserSessionTable {
  /** sha256 of the cookie's token: a copy of the table does not let anyone sign in. */
  id: string;
  userId: number;
  createdAt: Stamp;
  expiresAt: Stamp;
  lastSeenAt: Stamp;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface SignInAttemptTable {
  id: Generated<string>;
  email: string;
  ip: string;
  at: Stamp;
  succeeded: boolean;
}

export interface ApiTokenTable {
  id: Generated<number>;
  userId: number;
  name: string;
  tokenHash: string;
  createdAt: Stamp;
  lastUsedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revokedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A sign-in sent to the identity provider, waiting for its answer (found by the hash of the browser's cookie). */
export interface IdentitySignInTable {
  id: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
  createdAt: Stamp;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
}

/** A one-time link to set a password, given by an administrator; only the token's hash is kept. */
export interface PasswordLinkTable {
  id: Generated<number>;
  userId: number;
  tokenHash: string;
  createdBy: string;
  createdAt: Stamp;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
  usedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** An owner's request to move a deadline, until a lead or manager approves or rejects it. */
export interface DeadlineRequestTable {
  id: Generated<number>;
  actionId: number;
  dueDate: DateCol;
  reason: string;
  requestedBy: string;
  requestedAt: Stamp;
  decision: string | null;
  decidedBy: string | null;
  decidedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decisionReason: Generated<string>;
}

type MaybeStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A reporting round: one period of one authority, asking the owners of its plans' open actions for updates. */
export interface ReportingRoundTable {
  id: Generated<number>;
  organisationId: number;
  frequency: string;
  period: string;
  periodStart: DateCol;
  periodEnd: DateCol;
  dueDate: DateCol;
  openedBy: string;
  openedAt: Stamp;
  /** The manager's overall narrative for the round's board report. */
  narrative: Generated<string>;
  /** The decisions the board is asked to take, one a line. */
  decisions: Generated<string>;
  /** The annual report's sections the authors write (src/domain/report-text.ts). */
  annualSummary: Generated<string>;
  annualRecommendations: Generated<string>;
  annualBackground: Generated<string>;
  annualAchievements: Generated<string>;
  annualDevelopment: Generated<string>;
  /** Moves on with every change of the text above. */
  textVersion: Generated<number>;
}

export interface ReportingRoundPlanTable {
  roundId: number;
  planId: number;
  addedBy: string;
  addedAt: Stamp;
}

/** A frozen "as reported" copy taken when a round closes: numbered per authority; never updated or deleted (a trigger refuses). */
export interface SnapshotTable {
  id: Generated<number>;
  organisationId: number;
  number: number;
  roundId: number;
  name: string;
  period: string;
  periodStart: DateCol;
  periodEnd: DateCol;
  takenAt: Stamp;
  takenBy: string;
}

/** One section of a snapshot (actions, programmes, risks, priorities, measures) as one JSON document. */
export interface SnapshotSectionTable {
  snapshotId: number;
  section: string;
  content: ColumnType<unknown, string, never>;
}

/** One owner asked for an update on one action in a round; received when an update is recorded. */
export interface UpdateRequestTable {
  id: Generated<number>;
  roundId: number;
  actionId: number;
  ownerName: string;
  email: string | null;
  askedAt: Stamp;
  receivedAt: MaybeStamp;
  receivedVia: string | null;
  progressUpdateId: number | null;
}

/** A message to one owner about a round, sent once on or after its date by whichever server claims it. */
export interface ReminderTable {
  id: Generated<number>;
  roundId: number;
  ownerName: string;
  kind: string;
  sendOn: DateCol;
  status: Generated<string>;
  attempts: Generated<number>;
  nextAttemptAt: MaybeStamp;
  claimedBy: string | null;
  claimedAt: MaybeStamp;
  channel: string | null;
  address: string | null;
  providerReference: string | null;
  lastError: string | null;
  sentAt: MaybeStamp;
  /** GOV.UK Notify's word in its last delivery receipt (delivered, permanent-failure …), and when it was reported. */
  deliveryStatus: Generated<string | null>;
  deliveryReportedAt: MaybeStamp;
  createdBy: string;
  createdAt: Stamp;
}

export interface OutboxMessageTable {
  id: Generated<number>;
  organisationId: number;
  reminderId: number | null;
  toName: string;
  toAddress: string | null;
  subject: string;
  body: string;
  createdAt: Stamp;
}

/** A link for an owner without an account: its token is kept only as a hash. */
export interface PartnerLinkTable {
  id: Generated<number>;
  roundId: number;
  ownerName: string;
  email: string;
  tokenHash: string;
  expiresAt: Stamp;
  createdBy: string;
  createdAt: Stamp;
  usedAt: MaybeStamp;
  revokedAt: MaybeStamp;
  revokedBy: string | null;
}

/** A tracker uploaded to the browser's import wizard, kept for its steps until imported or expired. */
export interface TrackerUploadTable {
  id: string;
  organisationId: number;
  userId: number;
  fileName: string;
  bytes: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
  /** The mapping chosen so far (parentis.tracker-mapping), or null before the tables are chosen. */
  mapping: ColumnType<unknown, string | null, string | null>;
  uploadedAt: Stamp;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
}

/** A column mapping saved under a name by an authority, for the next tracker of the same shape. */
export interface TrackerMappingTable {
  id: Generated<number>;
  organisationId: number;
  name: string;
  mapping: ColumnType<unknown, string, string>;
  savedBy: string;
  savedAt: Stamp;
  version: Generated<number>;
}

/** A programme's status for a reporting period, as its lead entered it (never overwritten: a correction is a newer row). */
export interface ProgrammeStatusTable {
  id: Generated<number>;
  organisationId: number;
  nodeId: number;
  period: string;
  periodStart: DateCol;
  periodEnd: DateCol;
  status: string;
  trend: string;
  reason: string;
  deliveryGroup: string | null;
  chair: string | null;
  enteredBy: string;
  enteredAt: Stamp;
}

/** One row: a mark moved by triggers on every change to what measures are read from (migration 0018). */
export interface MeasureDataVersionTable {
  single: boolean;
  version: string;
}

export interface Database {
  organisation: OrganisationTable;
  setting: SettingTable;
  deployment: DeploymentTable;
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
  riskMeasure: RiskMeasureTable;
  voiceResponse: VoiceResponseTable;
  voiceItem: VoiceItemTable;
  voiceItemAction: VoiceItemActionTable;
  glossaryTerm: GlossaryTermTable;
  crossReference: CrossReferenceTable;
  auditEvent: AuditEventTable;
  userAccount: UserAccountTable;
  userSession: UserSessionTable;
  signInAttempt: SignInAttemptTable;
  apiToken: ApiTokenTable;
  identitySignIn: IdentitySignInTable;
  passwordLink: PasswordLinkTable;
  measure: MeasureTable;
  measureValue: MeasureValueTable;
  measureTarget: MeasureTargetTable;
  measureChange: MeasureChangeTable;
  benchmarkQuartile: BenchmarkQuartileTable;
  measureDataVersion: MeasureDataVersionTable;
  benchmark: BenchmarkTable;
  dashboard: DashboardTable;
  dashboardTile: DashboardTileTable;
  measureCommentary: MeasureCommentaryTable;
  population: PopulationTable;
  statisticalNeighbour: StatisticalNeighbourTable;
  dfeAuthority: DfeAuthorityTable;
  ssda903Upload: Ssda903UploadTable;
  ssda903Record: Ssda903RecordTable;
  ssda903Finding: Ssda903FindingTable;
  ssda903Import: Ssda903ImportTable;
  deadlineRequest: DeadlineRequestTable;
  reportingRound: ReportingRoundTable;
  reportingRoundPlan: ReportingRoundPlanTable;
  updateRequest: UpdateRequestTable;
  reminder: ReminderTable;
  outboxMessage: OutboxMessageTable;
  partnerLink: PartnerLinkTable;
  trackerUpload: TrackerUploadTable;
  trackerMapping: TrackerMappingTable;
  programmeStatus: ProgrammeStatusTable;
  snapshot: SnapshotTable;
  snapshotSection: SnapshotSectionTable;
}

export type PlanRow = Selectable<PlanTable>;
export type PlanNodeRow = Selectable<PlanNodeTable>;
export type ActionRow = Selectable<ActionTable>;
export type NewAction = Insertable<ActionTable>;
