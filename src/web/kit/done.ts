// Success messages: a form that worked redirects with ?done=<key> (paths.ts's withDone) and the page
// shows the message in a green banner (the doneBanner macro in kit/macros.njk).

export const DONE_MESSAGES = {
  'update-added': 'Your progress update has been added',
  'update-and-status': 'Your progress update and BRAG status have been recorded',
  'update-and-proposal': 'Your progress update has been added and your proposed BRAG status is waiting for a decision',
  'proposal-approved': 'The proposed BRAG status has been approved',
  'proposal-rejected': 'The proposed BRAG status has been rejected',
  'deadline-revised': 'The deadline has been revised',
  'deadline-requested': 'Your request for a new deadline is waiting for a decision',
  'deadline-approved': 'The new deadline has been approved',
  'deadline-rejected': 'The request for a new deadline has been turned down',
  'action-edited': 'The action has been saved',
  'action-unchanged': 'Nothing was changed: the action is as it was',
  'action-added': 'The action has been added',
  'plan-created': 'The plan has been created. Add its parts (programmes, themes …) and actions below.',
  'plan-edited': "The plan's details have been saved",
  'node-moved': 'The part of the plan has been moved',
  'node-placed': 'The part of the plan has been moved, with everything under it, and numbered in its new place',
  'plan-archived': 'The plan has been archived. It is kept for the record and no longer takes updates.',
  'plan-unarchived': 'The plan has been taken out of the archive. It takes updates again.',
  'plan-rolled-over': "Next year's plan has been made. Its open actions carry on here, each linked to the one it came from.",
  'action-moved': 'The action has been moved',
  'action-renumbered': 'The action has been renumbered',
  'action-closed': 'The action has been closed as no longer needed. It is kept with its history.',
  'node-deleted': 'The part of the plan has been deleted',
  'node-added': 'The part of the plan has been added',
  'node-edited': 'The part of the plan has been saved',
  'user-added': 'The person has been added. Give them their e-mail address and password to sign in.',
  'token-revoked': 'The token has been revoked. It no longer works.',
  'round-opened': 'The round is open. Owners are being asked for their updates.',
  'round-unchanged': 'Those plans were already in this round: nobody has been asked twice.',
  'reminders-sent': 'The reminders have been sent. Each owner’s last reminder is shown below.',
  'reminders-not-all-sent':
    'Not every owner has been reached. Those marked Failed, Bounced or Not sent yet below have not had the reminder: give an owner without an account their e-mail address, or check it, and remind them again.',
  'link-sent': 'A new link has been sent. Any earlier link for the same person no longer works.',
  'link-not-sent': 'The link has not reached the owner: what went wrong is shown against them below. Check the e-mail address and send a new link.',
  'round-closed': 'The round is closed and its snapshot taken. It reads here as it was reported, whatever changes later.',
  'narrative-written': "The board reports' text is saved. Closing the round keeps it with its snapshot.",
  'narrative-unchanged': "Nothing was changed: the board reports' text is as it was.",
  'link-revoked': 'The link has been withdrawn. It opens nothing now.',
  'approvals-approved': 'The chosen proposals have been approved',
  'approvals-rejected': 'The chosen proposals have been rejected. Their owners can see your reason.',
  'programme-status-entered': "The programme's status for this period has been recorded",
  'mapping-saved': 'The mapping has been saved. It is offered for the next tracker, and can be downloaded for the command line.',
  'user-changed': 'The person’s details have been saved',
  'user-disabled': 'The account has been disabled. Their sessions have ended and their API tokens no longer work.',
  'user-enabled': 'The account has been enabled again',
  'password-changed': 'Your password has been changed. You have been signed out everywhere else.',
  'password-set': 'Your password has been set. Sign in with it.',
  'risk-added': 'The risk has been added to the register',
  'risk-edited': 'The risk has been saved',
  'risk-rescored': 'The new score has been recorded',
  'risk-closed': 'The risk has been closed',
  'voice-added': 'The priority has been added',
  'voice-responded': 'What was done has been recorded',
  'voice-actions-set': 'The linked actions have been saved',
  'voice-answered': 'The priority has been marked as answered',
  'reference-added': 'The cross-reference has been recorded',
  'reference-edited': 'The cross-reference has been saved',
  'term-added': 'The term has been added to the glossary',
  'term-edited': 'The term has been saved',
  'term-retired': 'The term has been retired. Pages no longer explain it.',
  'target-added': 'The target has been set. The dashboard follows it from the day it takes effect.',
  'target-ended': 'The target has been ended. Its history is kept on the measure’s page.',
  'tolerance-changed': 'The tolerance band has been changed',
  'figure-entered': 'The figure has been saved',
  commentary: 'Your commentary has been saved',
} as const satisfies Record<string, string>;

export type Done = keyof typeof DONE_MESSAGES;

/** A page's `done` query value (the first, when repeated), when it is one of the messages. */
function doneKey(query: unknown): Done | undefined {
  const raw = query !== null && typeof query === 'object' ? (query as Record<string, unknown>).done : undefined;
  const done: unknown = Array.isArray(raw) ? raw[0] : raw;
  return typeof done === 'string' && Object.hasOwn(DONE_MESSAGES, done) ? (done as Done) : undefined;
}

/** The message for a page's `done` query value, or null for none or an unknown one. */
export function doneMessage(query: unknown): string | null {
  const done = doneKey(query);
  return done === undefined ? null : DONE_MESSAGES[done];
}

/** What was asked for went through only in part: the banner says so as "Important", not "Success". */
const PARTLY_DONE: ReadonlySet<Done> = new Set<Done>(['reminders-not-all-sent', 'link-not-sent']);

/** True when the page's `done` query names something done only in part. */
export function donePartly(query: unknown): boolean {
  const done = doneKey(query);
  return done !== undefined && PARTLY_DONE.has(done);
}
