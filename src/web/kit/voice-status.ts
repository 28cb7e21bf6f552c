// Where a young people's priority stands, in the words a young person uses (src/domain/voice-status.ts),
// with the colour of the voice page's tags.
import { VOICE_STATUS_WORDS } from '../../domain/voice-status.ts';

export const VOICE_STATUS: Record<string, { text: string; classes: string }> = {
  open: { text: VOICE_STATUS_WORDS.open!, classes: 'govuk-tag--grey' },
  'in-progress': { text: VOICE_STATUS_WORDS['in-progress']!, classes: 'govuk-tag--blue' },
  done: { text: VOICE_STATUS_WORDS.done!, classes: 'govuk-tag--green' },
};
