// Where a young people's priority stands, in the words a young person uses: the voice page, the audit
// log and the board reports say it the same way.
export const VOICE_STATUS_WORDS: Record<string, string> = {
  open: 'Not started yet',
  'in-progress': 'We are working on it',
  done: 'We did it',
};

/** A priority's status in those words; a status they do not know is shown as it was stored. */
export const voiceStatusWords = (status: string): string => VOICE_STATUS_WORDS[status] ?? status;
