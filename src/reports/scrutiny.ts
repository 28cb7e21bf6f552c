// The scrutiny progress pack (as a scrutiny committee hears progress after an inspection): the
// inspection's areas for improvement, and for each the actions answering it with their progress, and
// the before and after figures of the measures those actions aim to move. Built only from the
// snapshot's stored content.
import type { SnapshotReference } from '../domain/snapshot.ts';
import { paragraph, section, text, type Block, type ReportDocument, type Section } from './model.ts';
import { figureCell } from './annual.ts';
import { actionLabel, allActions, bragCell, coverOf, dateCell, latestUpdate, longDate, ownersText, paragraphs, withGlossary, type ReportInput } from './common.ts';

/** "Area for improvement 2: Return home interviews". */
const areaHeading = (r: SnapshotReference): string => `Area for improvement ${r.value}${r.title.trim() === '' ? '' : `: ${r.title.trim()}`}`;

export function buildScrutiny(input: ReportInput): ReportDocument {
  const { content, snapshot } = input;
  const byKey = new Map(allActions(content).map(({ action }) => [action.key, action]));
  const refs = content.references;
  const sections: Section[] = [];
  if (refs === undefined) {
    sections.push(section('What needs to improve', [paragraph('This snapshot was taken before inspection references were kept with snapshots, so its areas for improvement cannot be reported from it.')]));
  } else if (refs.length === 0) {
    sections.push(section('What needs to improve', [paragraph('No inspection area for improvement is recorded or cited by an action of the round.')]));
  } else {
    sections.push(
      section('What needs to improve', [
        paragraph(`Progress as at ${longDate(snapshot.periodEnd)} on ${refs.length} inspection area${refs.length === 1 ? '' : 's'} for improvement:`),
        { kind: 'list', items: refs.map((r) => [areaHeading(r)]) },
      ]),
    );
    for (const r of refs) {
      const actions = r.actions.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
      const blocks: Block[] = [
        ...paragraphs(r.body),
        ...(r.source.trim() !== '' || r.issuedOn !== null ? [paragraph(`Source: ${[r.source.trim(), r.issuedOn === null ? '' : longDate(r.issuedOn)].filter((x) => x !== '').join(', ')}.`)] : []),
        section('Progress', [
          actions.length === 0
            ? paragraph('No action of the round answers this area yet.')
            : {
                kind: 'table',
                caption: `Actions: area ${r.value}`,
                columns: [{ header: 'Action', width: 3 }, { header: 'Owner', width: 2 }, { header: 'Deadline' }, { header: 'Status' }, { header: 'Progress', width: 5 }],
                rows: actions.map((a) => [text(actionLabel(a)), text(ownersText(a)), dateCell(a.deadline), bragCell(a.status), text(latestUpdate(a) ?? 'No update in the period')]),
              },
        ]),
        section('Before and after', [
          r.measures.length === 0
            ? paragraph('The actions answering this area are linked to no measure.')
            : {
                kind: 'table',
                caption: `Measures: area ${r.value}`,
                columns: [{ header: 'Measure', width: 3 }, { header: 'Before', align: 'right' }, { header: 'Before: period ending' }, { header: 'After', align: 'right' }, { header: 'After: period ending' }],
                rows: r.measures.map((m) => [
                  text(m.title),
                  m.before === null ? text(r.issuedOn === null ? 'no date of inspection recorded' : 'no figure') : figureCell(m.before.value),
                  dateCell(m.before?.periodEnd ?? null),
                  m.after === null ? text('no figure') : figureCell(m.after.value),
                  dateCell(m.after?.periodEnd ?? null),
                ]),
              },
        ]),
      ];
      sections.push(section(areaHeading(r), blocks, true));
    }
  }
  return withGlossary({ cover: coverOf(input, 'scrutiny'), language: 'en-GB', sections }, content.glossary);
}
