// The voice of the child page: each council's priorities as "What you said" and "What we did",
// in plain words, with where each stands, its dated responses and the actions answering it.
import type { VoiceView } from '../../services/voice.service.ts';
import type { ActionLink } from '../kit/action-links.ts';
import { voiceFormPath } from '../kit/paths.ts';
import { textBlocks, type TextBlock } from '../../domain/text-blocks.ts';
import { VOICE_STATUS } from '../kit/voice-status.ts';

export interface VoiceItemRow {
  id: string;
  priority: string;
  youSaid: TextBlock[];
  weDid: TextBlock[];
  raisedBy: string;
  raisedOn: string;
  status: { text: string; classes: string };
  answered: boolean;
  answeredOn: string | null;
  responses: { respondedOn: string; weDid: TextBlock[]; evidence: TextBlock[] }[];
  actions: ActionLink[];
  respondHref: string;
  actionsHref: string;
  answerHref: string;
}

export interface CouncilGroup {
  council: string;
  id: string;
  items: VoiceItemRow[];
}

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** One priority as the pages show it: what was said, what was done, the actions linked and its forms. */
export function voiceItemRow(v: VoiceView, link: (key: string) => ActionLink): VoiceItemRow {
  return {
    id: `item-${v.id}`,
    priority: v.priority,
    youSaid: textBlocks(v.youSaid),
    weDid: textBlocks(v.weDid),
    raisedBy: v.raisedBy,
    raisedOn: v.raisedOn,
    status: VOICE_STATUS[v.status] ?? { text: v.status, classes: 'govuk-tag--grey' },
    answered: v.status === 'done',
    answeredOn: v.answeredOn,
    responses: v.responses.map((r) => ({ respondedOn: r.respondedOn, weDid: textBlocks(r.weDid), evidence: textBlocks(r.evidence) })),
    actions: v.actions.map(link),
    respondHref: voiceFormPath(v.id, 'respond'),
    actionsHref: voiceFormPath(v.id, 'actions'),
    answerHref: voiceFormPath(v.id, 'answer'),
  };
}

/** Items grouped by council in the order councils first appear, newest first within each. */
export function councilGroups(items: VoiceView[], link: (key: string) => ActionLink): CouncilGroup[] {
  const groups: CouncilGroup[] = [];
  for (const v of items) {
    let group = groups.find((g) => g.council === v.council);
    if (!group) {
      group = { council: v.council, id: `council-${slug(v.council)}`, items: [] };
      groups.push(group);
    }
    group.items.push(voiceItemRow(v, link));
  }
  for (const g of groups) g.items.reverse();
  return groups;
}

export function statusCounts(items: VoiceView[]): { text: string; count: number }[] {
  return Object.entries(VOICE_STATUS).map(([status, s]) => ({ text: s.text, count: items.filter((v) => v.status === status).length }));
}
