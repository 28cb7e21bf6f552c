// Where a young people's priority stands, in the words a young person uses: the voice page's tags and
// the audit log's changes of status say it the same way.
export const VOICE_STATUS: Record<string, { text: string; classes: string }> = {
  open: { text: 'Not started yet', classes: 'govuk-tag--grey' },
  'in-progress': { text: 'We are working on it', classes: 'govuk-tag--blue' },
  done: { text: 'We did it', classes: 'govuk-tag--green' },
};
