/** Small look-ups over a draft shared by the reducers and the derivations. */
import type { Calibration } from '../image.js';
import type { Side } from '../lexicon.js';
import { mm } from '../units.js';
import type { DraftCalcification, DraftFinding, DraftImage, ExamDraft } from './exam-draft.js';

const SIDE_OF: Readonly<Record<'R' | 'L' | 'B', Side>> = { R: 'right', L: 'left', B: 'both' };

/** The breast an image shows; 'both' when laterality is unknown or bilateral. */
export function sideOfImage(image: DraftImage): Side {
  return image.laterality === null ? 'both' : SIDE_OF[image.laterality];
}

/** The draft's image with this id. */
export function findImage(draft: ExamDraft, imageId: string): DraftImage | undefined {
  return draft.images.find((i) => i.imageId === imageId);
}

/** The calcification with this id. */
export function findCalcification(draft: ExamDraft, id: string): DraftCalcification | undefined {
  return draft.calcifications.find((c) => c.id === id);
}

/** The finding with this id. */
export function findFinding(draft: ExamDraft, id: string): DraftFinding | undefined {
  return draft.findings.find((f) => f.id === id);
}

/** The finding a calcification belongs to. */
export function findingOf(draft: ExamDraft, calcificationId: string): DraftFinding | undefined {
  return draft.findings.find((f) => f.calcificationIds.includes(calcificationId));
}

/** The calcifications of a finding, in the finding's order. */
export function calcificationsOf(draft: ExamDraft, finding: DraftFinding): DraftCalcification[] {
  const byId = new Map(draft.calcifications.map((c) => [c.id, c]));
  return finding.calcificationIds.map((id) => byId.get(id)).filter((c): c is DraftCalcification => c !== undefined);
}

/** The image's calibration as the measuring code takes it. */
export function calibrationOf(image: DraftImage): Calibration {
  const c = image.calibration;
  return {
    kind: c.kind,
    rowSpacingMm: c.rowSpacingMm === null ? null : mm(c.rowSpacingMm),
    columnSpacingMm: c.columnSpacingMm === null ? null : mm(c.columnSpacingMm),
    source: c.source,
  };
}

/** A new id with the given prefix that no calcification or finding of the draft uses yet. */
export function freshId(draft: ExamDraft, prefix: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set<string>([...draft.calcifications.map((c) => c.id), ...draft.findings.map((f) => f.id), ...taken]);
  let n = draft.revision + 1;
  let i = 1;
  let id = `${prefix}${n}-${i}`;
  while (used.has(id)) {
    i += 1;
    if (i > 10_000) {
      n += 1;
      i = 1;
    }
    id = `${prefix}${n}-${i}`;
  }
  return id;
}

/** The name a radiologist reads for an image: laterality and view ("RCC", "LMLO"), "prior" beside a prior's; the id when neither is known. */
export function imageLabel(image: DraftImage): string {
  const name = `${image.laterality ?? ''}${image.view ?? ''}`;
  const label = name === '' ? image.imageId : name;
  return image.role === 'prior' ? `prior ${label}` : label;
}
