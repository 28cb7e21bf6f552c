// The actions service as the rest of Parentis calls it: the read model's queries, the writes and the
// approval workflow, each in its own module, behind one object.
import type { Store } from '../../repositories/store.ts';
import { ActionApprovals } from './action-approvals.ts';
import { ActionArrangement } from './action-arrangement.ts';
import { ActionCommands } from './action-commands.ts';
import { ActionQueries } from './action-queries.ts';

export type { ActionChanged } from './action-change.ts';
export { StaleItemsError, type PendingItem } from './action-approvals.ts';
export { newActionSchema, type ProgressInput, type ProgressRecorded } from './action-commands.ts';
export * from './action-read-model.ts';

export class ActionService {
  readonly list: ActionQueries['list'];
  readonly show: ActionQueries['show'];
  readonly mine: ActionQueries['mine'];
  readonly awaitingDecision: ActionQueries['awaitingDecision'];
  readonly risksWithReferences: ActionQueries['risksWithReferences'];
  readonly byRef: ActionQueries['byRef'];
  readonly refs: ActionQueries['refs'];

  readonly recordProgress: ActionCommands['recordProgress'];
  readonly addUpdate: ActionCommands['addUpdate'];
  readonly setStatus: ActionCommands['setStatus'];
  readonly reviseDeadline: ActionCommands['reviseDeadline'];
  readonly edit: ActionCommands['edit'];
  readonly create: ActionCommands['create'];
  readonly setRefs: ActionCommands['setRefs'];

  readonly proposeStatus: ActionApprovals['proposeStatus'];
  readonly decideProposal: ActionApprovals['decideProposal'];
  readonly requestDeadline: ActionApprovals['requestDeadline'];
  readonly decideDeadlineRequest: ActionApprovals['decideDeadlineRequest'];
  readonly decideMany: ActionApprovals['decideMany'];

  readonly move: ActionArrangement['move'];
  readonly renumber: ActionArrangement['renumber'];
  readonly close: ActionArrangement['close'];

  constructor(store: Store) {
    const queries = new ActionQueries(store);
    const commands = new ActionCommands(store, queries);
    const approvals = new ActionApprovals(store, queries);
    this.list = queries.list.bind(queries);
    this.show = queries.show.bind(queries);
    this.mine = queries.mine.bind(queries);
    this.awaitingDecision = queries.awaitingDecision.bind(queries);
    this.risksWithReferences = queries.risksWithReferences.bind(queries);
    this.byRef = queries.byRef.bind(queries);
    this.refs = queries.refs.bind(queries);
    this.recordProgress = commands.recordProgress.bind(commands);
    this.addUpdate = commands.addUpdate.bind(commands);
    this.setStatus = commands.setStatus.bind(commands);
    this.reviseDeadline = commands.reviseDeadline.bind(commands);
    this.edit = commands.edit.bind(commands);
    this.create = commands.create.bind(commands);
    this.setRefs = commands.setRefs.bind(commands);
    this.proposeStatus = approvals.proposeStatus.bind(approvals);
    this.decideProposal = approvals.decideProposal.bind(approvals);
    this.requestDeadline = approvals.requestDeadline.bind(approvals);
    this.decideDeadlineRequest = approvals.decideDeadlineRequest.bind(approvals);
    this.decideMany = approvals.decideMany.bind(approvals);
    const arrangement = new ActionArrangement(store);
    this.move = arrangement.move.bind(arrangement);
    this.renumber = arrangement.renumber.bind(arrangement);
    this.close = arrangement.close.bind(arrangement);
  }
}
