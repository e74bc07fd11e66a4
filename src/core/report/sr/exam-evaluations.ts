/**
 * The exam-level content: breast composition, indication, clinical history, comparison date,
 * each breast's and the overall assessment (TID 1500 Qualitative Evaluations), and the report
 * narrative — the radiologist's edited text when there is one, else the suggestion, marked which;
 * an edited report keeps the suggested text beside it in calcscribe's suggestion container.
 */
import { ASSESSMENT_CODES, COMPOSITION_CODES, INDICATION_CODES, SR_CODES, SR_PRIVATE_CODES, SR_UNITS } from '../../codes.js';
import type { DerivedReport } from '../../draft/derive-report.js';
import type { ExamDraft } from '../../draft/exam-draft.js';
import { findingSite } from './calcification-group.js';
import { utJson } from './sr-text.js';
import { codeValue, container, originMarker, dateValue, imageRef, numValue, scoordValue, textValue, type ContentItem } from './content-items.js';
import type { SrImageHeader } from './sr-options.js';


/** The radiologist's nipple markers, each on its image (images the header does not know are left out). */
function nippleMarkers(draft: ExamDraft, images: Readonly<Record<string, SrImageHeader>>): ContentItem[] {
  return Object.entries(draft.nippleMarkers).flatMap(([imageId, point]) => {
    const h = images[imageId];
    return h === undefined ? [] : [scoordValue('CONTAINS', SR_PRIVATE_CODES['nipple marker'], 'point', [point], imageRef('SELECTED FROM', h.sopClassUid, h.sopInstanceUid))];
  });
}

/**
 * What the draft holds beyond the report (calcscribe's private container): the exam key and
 * revision, every image's description (view, laterality, calibration, geometry …), the order of
 * findings and calcifications, and the nipple markers exactly (the SCOORDs are 32-bit floats).
 */
/**
 * Free texts whose trailing spaces UT cannot keep (PS3.5 6.2: trailing spaces of UT are not
 * significant, and a value of odd length is padded with one): the exam key, the report text and
 * each finding's relation to a treated site, as JSON, only those that end in a space.
 */
function textEndings(draft: ExamDraft): ContentItem[] {
  const endsInSpace = (t: string | null): t is string => t !== null && t.endsWith(' ');
  const relations = Object.fromEntries(draft.findings.filter((f) => endsInSpace(f.relation)).map((f) => [f.id, f.relation]));
  const exact = {
    ...(endsInSpace(draft.examKey) ? { examKey: draft.examKey } : {}),
    ...(endsInSpace(draft.reportText) ? { reportText: draft.reportText } : {}),
    ...(Object.keys(relations).length === 0 ? {} : { relations }),
  };
  return Object.keys(exact).length === 0 ? [] : [textValue('CONTAINS', SR_PRIVATE_CODES['text endings'], utJson(exact))];
}

function draftRecord(draft: ExamDraft): ContentItem {
  return container('CONTAINS', SR_PRIVATE_CODES['draft record'], [
    textValue('CONTAINS', SR_PRIVATE_CODES['exam key'], draft.examKey),
    numValue('CONTAINS', SR_PRIVATE_CODES['draft revision'], draft.revision, SR_UNITS.count),
    textValue('CONTAINS', SR_PRIVATE_CODES['draft images'], utJson(draft.images)),
    textValue('CONTAINS', SR_PRIVATE_CODES['draft order'], utJson({ findings: draft.findings.map((f) => f.id), calcifications: draft.calcifications.map((c) => c.id) })),
    textValue('CONTAINS', SR_PRIVATE_CODES['nipple marker points'], utJson(draft.nippleMarkers)),
    ...textEndings(draft),
  ]);
}

export function examEvaluations(draft: ExamDraft, report: DerivedReport, images: Readonly<Record<string, SrImageHeader>>): ContentItem {
  const items: ContentItem[] = [];
  if (draft.composition !== null) items.push(codeValue('CONTAINS', SR_CODES['breast composition'], COMPOSITION_CODES[draft.composition]));
  const indication = draft.indication ?? null;
  const coded = indication === null ? undefined : INDICATION_CODES[indication];
  // Coded when CID 6051 has the reason; the others as calcscribe's own text.
  if (coded !== undefined) items.push(codeValue('CONTAINS', SR_CODES['reason for procedure'], coded));
  else if (indication !== null) items.push(textValue('CONTAINS', SR_PRIVATE_CODES.indication, indication));
  // The clinical history as the draft holds it (JSON): PS3.16 has no coded form for its procedures with side, date and site.
  items.push(textValue('CONTAINS', SR_PRIVATE_CODES['clinical history'], utJson(draft.history)));
  if (draft.priorDate !== null && /^\d{4}-\d{2}-\d{2}$/.test(draft.priorDate)) items.push(dateValue('CONTAINS', SR_PRIVATE_CODES['comparison examination date'], draft.priorDate));
  for (const side of ['right', 'left'] as const) {
    items.push(codeValue('CONTAINS', SR_CODES['assessment category'], ASSESSMENT_CODES[report.bySide[side].assessment], [findingSite(side)]));
  }
  items.push(...nippleMarkers(draft, images));
  // The overall assessment is the one without a finding site.
  items.push(codeValue('CONTAINS', SR_CODES['assessment category'], ASSESSMENT_CODES[report.overall.assessment]));
  // The radiologist's text is theirs even when it reads as the suggestion does.
  items.push(textValue('CONTAINS', SR_CODES['narrative summary'], report.text, [originMarker(draft.reportText !== null)]));
  if (report.edited) items.push(container('CONTAINS', SR_PRIVATE_CODES.suggestion, [textValue('CONTAINS', SR_CODES['narrative summary'], report.suggestedText)]));
  items.push(draftRecord(draft));
  return container('CONTAINS', SR_CODES['qualitative evaluations'], items);
}
