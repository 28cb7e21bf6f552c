// The words of the messages a reporting round sends owners: the first request and the reminders before,
// on and after the due date, in plain English, with each action and where to write the update.

export type ReminderKind = 'request' | 'before' | 'due' | 'overdue' | 'manual';

export interface MessageFacts {
  authority: string;
  ownerName: string;
  /** "2026/27 Q3 (October to December 2026)". */
  period: string;
  dueDate: string;
  today: string;
  kind: ReminderKind;
  actions: { key: string; title: string; url: string }[];
  /** For an owner without an account: the link that opens their form, and when it stops working. */
  partnerLink?: { url: string; expires: string } | undefined;
  /** Where an owner with an account signs in to see their requests. */
  homeUrl: string;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "Friday 13 July 2018", as GOV.UK writes dates (ICU may put a comma after the weekday). */
export const longDate = (iso: string): string => LONG_DATE.format(new Date(`${iso}T00:00:00Z`)).replace(',', '');

/** The first sentence: what is asked, and how urgent it has become. */
function opening(f: MessageFacts): string {
  const due = longDate(f.dueDate);
  const count = f.actions.length === 1 ? 'an action you own' : `${f.actions.length} actions you own`;
  switch (f.kind) {
    case 'request':
      return `${f.authority} asks for your progress update on ${count} for ${f.period}, by ${due}.`;
    case 'before':
      return `A reminder: your progress update on ${count} for ${f.period} is due by ${due}.`;
    case 'due':
      return `Your progress update on ${count} for ${f.period} is due today, ${due}.`;
    case 'overdue':
      return `Your progress update on ${count} for ${f.period} was due on ${due} and has not arrived yet.`;
    case 'manual':
      return f.today > f.dueDate
        ? `Your progress update on ${count} for ${f.period} was due on ${due} and has not arrived yet.`
        : `A reminder: your progress update on ${count} for ${f.period} is due by ${due}.`;
  }
}

export function messageSubject(f: MessageFacts): string {
  const late = f.today > f.dueDate;
  return `${late ? 'Overdue' : 'Progress update needed'}: ${f.period} – due ${longDate(f.dueDate)}`;
}

const ASK =
  'For each action, say what has happened since your last update, propose a BRAG status (Blue: complete; Green: on track; Amber: at risk; Red: off track) with your reason, and ask for a new deadline if the current one will not be met.';

/** The action list as lines, each with where to write its update (or just the action, with a partner link). */
const actionLines = (f: MessageFacts): string => f.actions.map((a) => (f.partnerLink ? `* ${a.key}: ${a.title}` : `* ${a.key}: ${a.title}\n  ${a.url}`)).join('\n');

function whereToReply(f: MessageFacts): string {
  if (f.partnerLink) {
    return `Write your updates here (no account or password needed; the link works once, until ${longDate(f.partnerLink.expires)}, and shows only these actions):\n${f.partnerLink.url}`;
  }
  return `Sign in to Parentis to write them; your requests are on your home page: ${f.homeUrl}`;
}

export function messageBody(f: MessageFacts): string {
  return [`Dear ${f.ownerName},`, opening(f), actionLines(f), ASK, whereToReply(f), `Thank you,\n${f.authority}`].join('\n\n');
}

/** The fields a GOV.UK Notify template fills: ((name)), ((opening)), ((actions)), ((ask)), ((reply)), ((authority)), ((due_date)), ((period)). */
export function messagePersonalisation(f: MessageFacts): Record<string, string> {
  return {
    name: f.ownerName,
    authority: f.authority,
    period: f.period,
    due_date: longDate(f.dueDate),
    opening: opening(f),
    actions: actionLines(f),
    ask: ASK,
    reply: whereToReply(f),
    subject: messageSubject(f),
  };
}

/** The reference a message carries for the service that sends it, which comes back in its delivery receipts. */
export const reminderReference = (reminderId: number): string => `parentis-reminder-${reminderId}`;

/** The reminder a reference names, or undefined when Parentis did not make the reference. */
export function reminderIdOfReference(reference: string | null): number | undefined {
  const m = /^parentis-reminder-([1-9]\d{0,9})$/.exec(reference ?? '');
  const id = m ? Number(m[1]) : undefined;
  return id !== undefined && id <= 2_147_483_647 ? id : undefined;
}
