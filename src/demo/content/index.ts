// The demonstration content: Westmere County Council's plans, young people's priorities and glossary.
import { cyppPlan, cyppProgrammes } from './cypp.ts';
import { inspectionRecommendations, sufficiencyChallenges } from './references.ts';
import { sufficiencyPlan } from './sufficiency.ts';
import { taskGroupPlan } from './task-groups.ts';

export { authority, people, roles, staff, signature } from './authority.ts';
export type { Person } from './authority.ts';
export { sufficiencyPlan } from './sufficiency.ts';
export { taskGroupPlan } from './task-groups.ts';
export { cyppPlan } from './cypp.ts';
export { voiceItems } from './voice.ts';
export { glossary } from './glossary.ts';

/** What the plans' inspection recommendations, challenges and programmes say. */
export const demoReferences = [...inspectionRecommendations, ...sufficiencyChallenges, ...cyppProgrammes];
export type { GlossaryTermInput } from './glossary.ts';

export const demoPlans = [sufficiencyPlan, taskGroupPlan, cyppPlan];
