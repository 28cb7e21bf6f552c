// The 903 pages' view models: uploads, findings by check, file and row, refused files' findings, and an import's progress.
import { findingExamples, findingRow, type CheckedReturn, type ImportProgress, type UploadFindings, type UploadSummary } from '../../services/ssda903.service.ts';
import { yearsEndingText } from '../../domain/reporting-periods.ts';
import { returnJobPath, returnUploadPath } from '../kit/paths.ts';

/** An uploaded file held in memory; its bytes are a private field, so walking the form's fields never reads them. */
export class UploadedFile {
  readonly #data: Uint8Array;
  readonly size: number;
  constructor(
    readonly name: string,
    data: Uint8Array,
  ) {
    this.#data = data;
    this.size = data.byteLength;
  }
  get data(): Uint8Array {
    return this.#data;
  }
}

const SEVERITY_TAGS = { error: 'govuk-tag--red', warning: 'govuk-tag--yellow', note: 'govuk-tag--grey' } as const;
const SEVERITY_WORDS = { error: 'Error', warning: 'Warning', note: 'Note' } as const;


export const severityTag = (severity: 'error' | 'warning' | 'note'): { text: string; classes: string } => ({ text: SEVERITY_WORDS[severity], classes: SEVERITY_TAGS[severity] });

export function uploadRows(uploads: UploadSummary[]) {
  return uploads.map((u) => ({
    ...u,
    href: returnUploadPath(u.id),
    fileCount: u.files.length,
    years: yearsEndingText(u.collectionYears),
  }));
}

/** Files refused for their findings: the counts, the first examples of each check and the notes. */
export function refusalView(checked: CheckedReturn) {
  const examples = findingExamples(checked).map((i) => {
    const row = findingRow(i);
    return { ...row, tag: severityTag(i.severity), column: row.column ?? '' };
  });
  return {
    summary: checked.summary,
    byCheck: checked.summary.byCheck.map((c) => ({ ...c, tag: severityTag(c.severity) })),
    examples,
    notes: checked.notes,
    rows: checked.rows,
    years: yearsEndingText(checked.collectionYears),
  };
}

export function findingsView(found: UploadFindings, check: string | undefined) {
  return {
    upload: { ...found.upload, years: yearsEndingText(found.upload.collectionYears) },
    byCheck: found.byCheck.map((c) => ({ ...c, tag: severityTag(c.severity), href: `${returnUploadPath(found.upload.id)}?check=${encodeURIComponent(c.check)}#findings` })),
    files: found.upload.files.map((f) => ({ ...f, year: f.collectionYear ? yearsEndingText([f.collectionYear]) : '' })),
    findings: found.findings.map((f) => ({ ...f, tag: severityTag(f.severity) })),
    total: found.total,
    shown: found.findings.length,
    check: check ?? null,
    allHref: `${returnUploadPath(found.upload.id)}#findings`,
    kept: found.kept,
  };
}

export function importView(p: ImportProgress) {
  const phaseWords = p.phase === 'records' ? 'Storing the rows' : 'Working out the indicators for every month end';
  const stateWords = p.state === 'storing' ? `${phaseWords}: ${p.percent}% done` : p.state === 'done' ? 'Finished: the return is stored' : 'Failed: nothing was stored';
  return { ...p, href: returnJobPath(p.id), phaseWords, stateWords, fileCount: p.files.length };
}
