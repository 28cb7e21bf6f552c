// Bringing in the plans a council already has: its Word and Excel trackers, read, recognised and built into a plan.
export { buildPlan, type BuildResult, type PlanDetails, type PreviewRow } from './build.ts';
export { describeProblem, LIMITS, type ImportProblem, type SourceFile, type SourceTable } from './model.ts';
export { readTracker } from './read.ts';
export { FIELD_LABEL, FIELDS, guessMapping, mappingSchema, type Field, type TrackerMapping, type TrackerMappingInput } from './recognise.ts';
