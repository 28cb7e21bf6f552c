// Every event Parentis writes to the audit trail, and the words people read for each.

/** The events, named "thing.what-happened"; the audit repository records nothing else. */
export type AuditEvent =
  | 'organisation.created'
  | 'plan.imported'
  | 'plan.replaced'
  | 'plan.created'
  | 'plan.node.added'
  | 'plan.node.edited'
  | 'plan.edited'
  | 'plan.node.moved'
  | 'plan.node.deleted'
  | 'plan.updated-from-tracker'
  | 'plan.archived'
  | 'plan.unarchived'
  | 'plan.rolled-over'
  | 'tracker-mapping.saved'
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
  | 'action.moved'
  | 'action.renumbered'
  | 'action.closed'
  | 'action.rolled-over'
  | 'risk.added'
  | 'risk.edited'
  | 'risk.rescored'
  | 'risk.closed'
  | 'voice.added'
  | 'voice.responded'
  | 'voice.response.added'
  | 'voice.actions.set'
  | 'voice.answered'
  | 'reference.added'
  | 'reference.edited'
  | 'glossary.added'
  | 'glossary.term.added'
  | 'glossary.term.edited'
  | 'glossary.term.retired'
  | 'user.added'
  | 'user.added-from-provider'
  | 'user.role-from-provider'
  | 'user.role-changed'
  | 'user.renamed'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.password-link-created'
  | 'user.password-set'
  | 'user.password-changed'
  | 'api_token.created'
  | 'api_token.revoked'
  | 'measure.defined'
  | 'measure.updated'
  | 'measure.target-added'
  | 'measure.target-ended'
  | 'measure.tolerance-changed'
  | 'measure.value-entered'
  | 'measure.values-imported'
  | 'measure.comparison-set'
  | 'measure.neighbours-imported'
  | 'measure.population-imported'
  | 'measure.population-set'
  | 'measure.benchmarks-imported'
  | 'measure.commentary-added'
  | 'measure.threshold-set'
  | 'dashboard.created'
  | 'dashboard.changed'
  | 'ssda903.imported'
  | 'ssda903.la-code-set'
  | 'round.opened'
  | 'round.plans-added'
  | 'round.request.received'
  | 'round.reminder.scheduled'
  | 'round.reminder.sent'
  | 'round.reminder.failed'
  | 'round.reminder.bounced'
  | 'round.reminder.delivered'
  | 'round.link.created'
  | 'round.link.revoked'
  | 'round.link.used'
  | 'programme.status.entered'
  | 'round.closed'
  | 'round.narrative-written'
  | 'snapshot.taken'
  | 'ssda903.import-started';

/** What happened, as the audit log (web page and command line) shows it. */
export const auditEventLabels: Record<AuditEvent, string> = {
  'organisation.created': 'Authority created',
  'plan.imported': 'Plan imported',
  'plan.replaced': 'Plan replaced by a new import',
  'plan.created': 'Plan created',
  'plan.node.added': 'Part of a plan added',
  'plan.node.edited': 'Part of a plan edited',
  'plan.edited': 'Plan details edited',
  'plan.node.moved': 'Part of a plan moved',
  'plan.node.deleted': 'Part of a plan deleted',
  'plan.updated-from-tracker': 'Plan updated from a tracker',
  'plan.archived': 'Plan archived',
  'plan.unarchived': 'Plan taken out of the archive',
  'plan.rolled-over': "Plan rolled into next year's",
  'tracker-mapping.saved': 'Tracker column mapping saved',
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
  'action.moved': 'Action moved to another part of the plan',
  'action.renumbered': 'Action renumbered',
  'action.closed': 'Action closed as no longer needed',
  'action.rolled-over': "Action carried into next year's plan",
  'risk.added': 'Risk added',
  'risk.edited': 'Risk edited',
  'risk.rescored': 'Risk re-scored',
  'risk.closed': 'Risk closed',
  'voice.added': 'Young people’s priority added',
  'voice.responded': 'Response to young people recorded',
  'voice.response.added': '“We did” response added',
  'voice.actions.set': 'Actions linked to a young people’s priority',
  'voice.answered': 'Young people’s priority marked answered',
  'reference.added': 'Cross-reference recorded',
  'reference.edited': 'Cross-reference edited',
  'glossary.added': 'Glossary terms added',
  'glossary.term.added': 'Glossary term added',
  'glossary.term.edited': 'Glossary term edited',
  'glossary.term.retired': 'Glossary term retired',
  'user.added': 'Person added',
  'user.added-from-provider': 'Person added at their first sign-in through the identity provider',
  'user.role-from-provider': 'Role changed to follow the person’s groups at the identity provider',
  'user.role-changed': 'Role changed',
  'user.renamed': 'Name changed',
  'user.disabled': 'Account disabled',
  'user.enabled': 'Account enabled again',
  'user.password-link-created': 'Link to set a password given',
  'user.password-set': 'Password set through a link',
  'user.password-changed': 'Own password changed',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
  'measure.defined': 'Measure defined',
  'measure.updated': 'Measure definition changed',
  'measure.target-added': 'Measure target set',
  'measure.target-ended': 'Measure target ended',
  'measure.tolerance-changed': 'Measure tolerance band changed',
  'measure.value-entered': 'Measure figure entered by hand',
  'measure.values-imported': 'Measure figures imported',
  'measure.comparison-set': 'Comparison authority chosen',
  'measure.neighbours-imported': 'Statistical neighbours imported',
  'measure.population-imported': 'Population figures imported',
  'measure.population-set': 'Population set',
  'measure.benchmarks-imported': 'DfE benchmarks imported',
  'measure.commentary-added': 'Commentary on a measure written',
  'measure.threshold-set': 'Small-number threshold set',
  'dashboard.created': 'Dashboard created',
  'dashboard.changed': 'Dashboard tiles changed',
  'ssda903.imported': '903 return imported',
  'ssda903.import-started': '903 files uploaded for import',
  'ssda903.la-code-set': 'DfE authority code set',
  'round.opened': 'Reporting round opened',
  'round.plans-added': 'Plans added to a reporting round',
  'round.request.received': 'Requested update received',
  'round.reminder.scheduled': 'Reminder asked for',
  'round.reminder.sent': 'Reminder sent',
  'round.reminder.failed': 'Reminder could not be sent',
  'round.reminder.bounced': 'Reminder bounced',
  'round.reminder.delivered': 'Reminder delivered',
  'round.link.created': 'Partner link created',
  'round.link.revoked': 'Partner link revoked',
  'round.link.used': 'Updates recorded through a partner link',
  'programme.status.entered': 'Programme status entered for a reporting period',
  'round.closed': 'Reporting round closed',
  'round.narrative-written': "Board reports' text written (narrative, decisions, annual report sections)",
  'snapshot.taken': 'Snapshot taken as reported',
};

/** What someone did, finishing "Jo Bloggs …": shown when their change made another person's edit stale. */
export const auditEventDeeds: Partial<Record<AuditEvent, string>> = {
  'action.update.added': 'added a progress update',
  'round.narrative-written': "wrote the board reports' text",
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
  'action.moved': 'moved the action to another part of the plan',
  'action.renumbered': 'renumbered the action',
  'action.closed': 'closed the action as no longer needed',
  'plan.archived': 'archived the plan',
  'plan.unarchived': 'took the plan out of the archive',
  'plan.node.edited': 'edited this part of the plan',
  'plan.node.moved': 'moved this part of the plan',
  'plan.edited': "edited the plan's details",
  'user.role-changed': 'changed the person’s role',
  'user.renamed': 'changed the person’s name',
  'user.disabled': 'disabled the account',
  'user.enabled': 'enabled the account again',
  'user.role-from-provider': 'changed the role to follow the person’s groups',
  'risk.edited': 'edited the risk',
  'risk.rescored': 're-scored the risk',
  'risk.closed': 'closed the risk',
  'voice.responded': 'recorded a response',
  'voice.response.added': 'added a “we did” response',
  'voice.actions.set': 'changed the linked actions',
  'voice.answered': 'marked it answered',
  'reference.edited': 'edited the cross-reference',
  'glossary.term.edited': 'edited the term',
  'glossary.term.retired': 'retired the term',
  'measure.target-added': 'set a target',
  'measure.target-ended': 'ended a target',
  'measure.tolerance-changed': 'changed the tolerance band',
  'measure.value-entered': 'entered a figure',
  'programme.status.entered': "entered the programme's status",
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
