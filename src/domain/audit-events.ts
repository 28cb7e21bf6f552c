// Every event Parentis writes to the audit trail, and the words people read for each.

/** The events, named "thing.what-happened"; the audit repository records nothing else. */
export type AuditEvent =
  | 'organisation.created'
  | 'plan.imported'
  | 'plan.replaced'
  | 'plan.created'
  | 'plan.node.added'
  | 'plan.node.edited'
  | 'action.created'
  | 'action.edited'
  | 'action.updated-from-tracker'
  | 'action.refs.set'
  | 'action.status.set'
  | 'action.status.proposed'
  | 'action.status.approved'
  | 'action.status.rejected'
  | 'action.forecast.set'
  | 'action.deadline.revised'
  | 'action.deadline.requested'
  | 'action.deadline.request.approved'
  | 'action.deadline.request.rejected'
  | 'action.update.added'
  | 'risk.added'
  | 'risk.edited'
  | 'risk.rescored'
  | 'risk.closed'
  | 'voice.added'
  | 'voice.responded'
  | 'voice.response.added'
  | 'voice.actions.set'
  | 'voice.answered'
  | 'glossary.added'
  | 'glossary.term.added'
  | 'glossary.term.edited'
  | 'glossary.term.retired'
  | 'user.added'
  | 'api_token.created'
  | 'api_token.revoked'
  | 'measure.defined'
  | 'measure.updated'
  | 'measure.target-added'
  | 'measure.values-imported'
  | 'measure.comparison-set'
  | 'measure.neighbours-imported'
  | 'measure.population-imported'
  | 'measure.population-set'
  | 'measure.benchmarks-imported'
  | 'ssda903.imported'
  | 'ssda903.la-code-set';

/** What happened, as the audit log (web page and command line) shows it. */
export const auditEventLabels: Record<AuditEvent, string> = {
  'organisation.created': 'Authority created',
  'plan.imported': 'Plan imported',
  'plan.replaced': 'Plan replaced by a new import',
  'plan.created': 'Plan created',
  'plan.node.added': 'Part of a plan added',
  'plan.node.edited': 'Part of a plan edited',
  'action.updated-from-tracker': 'Updated from a later tracker',
  'action.created': 'Action created',
  'action.edited': 'Action edited',
  'action.refs.set': 'Cross-references changed',
  'action.status.set': 'BRAG status recorded',
  'action.status.proposed': 'BRAG status proposed',
  'action.status.approved': 'Proposed status approved',
  'action.status.rejected': 'Proposed status rejected',
  'action.forecast.set': 'Forecast status recorded',
  'action.deadline.revised': 'Deadline revised',
  'action.deadline.requested': 'New deadline requested',
  'action.deadline.request.approved': 'New deadline approved',
  'action.deadline.request.rejected': 'New deadline turned down',
  'action.update.added': 'Progress update added',
  'risk.added': 'Risk added',
  'risk.edited': 'Risk edited',
  'risk.rescored': 'Risk re-scored',
  'risk.closed': 'Risk closed',
  'voice.added': 'Young people’s priority added',
  'voice.responded': 'Response to young people recorded',
  'voice.response.added': '“We did” response added',
  'voice.actions.set': 'Actions linked to a young people’s priority',
  'voice.answered': 'Young people’s priority marked answered',
  'glossary.added': 'Glossary terms added',
  'glossary.term.added': 'Glossary term added',
  'glossary.term.edited': 'Glossary term edited',
  'glossary.term.retired': 'Glossary term retired',
  'user.added': 'Person added',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'measure.defined': 'Measure defined',
  'measure.updated': 'Measure definition changed',
  'measure.target-added': 'Measure target set',
  'measure.values-imported': 'Measure figures imported',
  'measure.comparison-set': 'Comparison authority chosen',
  'measure.neighbours-imported': 'Statistical neighbours imported',
  'measure.population-imported': 'Population figures imported',
  'measure.population-set': 'Population set',
  'measure.benchmarks-imported': 'DfE benchmarks imported',
  'ssda903.imported': '903 return imported',
  'ssda903.la-code-set': 'DfE authority code set',
};

/** What someone did, finishing "Jo Bloggs …": shown when their change made another person's edit stale. */
export const auditEventDeeds: Partial<Record<AuditEvent, string>> = {
  'action.update.added': 'added a progress update',
  'action.status.set': 'recorded a BRAG status',
  'action.status.proposed': 'proposed a BRAG status',
  'action.status.approved': 'approved a proposed BRAG status',
  'action.status.rejected': 'rejected a proposed BRAG status',
  'action.forecast.set': 'recorded a forecast status',
  'action.deadline.revised': 'revised the deadline',
  'action.deadline.requested': 'asked for a new deadline',
  'action.deadline.request.approved': 'approved a request for a new deadline',
  'action.deadline.request.rejected': 'turned down a request for a new deadline',
  'action.edited': 'edited the action',
  'action.refs.set': 'changed the cross-references',
  'plan.node.edited': 'edited this part of the plan',
  'risk.edited': 'edited the risk',
  'risk.rescored': 're-scored the risk',
  'risk.closed': 'closed the risk',
  'voice.responded': 'recorded a response',
  'voice.response.added': 'added a “we did” response',
  'voice.actions.set': 'changed the linked actions',
  'voice.answered': 'marked it answered',
  'glossary.term.edited': 'edited the term',
  'glossary.term.retired': 'retired the term',
};

export const isAuditEvent = (value: string): value is AuditEvent => Object.hasOwn(auditEventLabels, value);

/**
 * "action.deadline.revised" → "Deadline revised". The trail is read as stored, so an event this
 * version does not write (an older or newer one) reads as its own words.
 */
export function auditEventLabel(event: string): string {
  if (isAuditEvent(event)) return auditEventLabels[event];
  const words = event.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "revised the deadline"; an event without its own words reads as its label, in lower case. */
export const auditEventDeed = (event: string): string => (isAuditEvent(event) ? auditEventDeeds[event] : undefined) ?? auditEventLabel(event).toLowerCase();
