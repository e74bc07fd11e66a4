/**
 * The exam-level content: breast composition, indication, clinical history, comparison date,
 * each breast's and the overall assessment (TID 1500 Qualitative Evaluations), and the report
 * narrative — the radiologist's edited text when there is one, else the suggestion, marked which;
 * an edited report keeps the suggested text beside it in calcscribe's suggestion container.
 */
import { ASSESSMENT_CODES, COMPOSITION_CODES, SR_CODES, SR_PRIVATE_CODES } from '../../codes.js';
import type { DerivedReport } from '../../draft/derive-report.js';
import type { ExamDraft } from '../../draft/exam-draft.js';
import { findingSite } from './calcification-group.js';
import { utJson } from './sr-text.js';
import { codeValue, container, originMarker, dateValue, imageRef, scoordValue, textValue, type ContentItem } from './content-items.js';
import type { SrImageHeader } from './sr-options.js';


/** The radiologist's nipple markers, each on its image (images the header does not know are left out). */
function nippleMarkers(draft: ExamDraft, images: Readonly<Record<string, SrImageHeader>>): ContentItem[] {
  return Object.entries(draft.nippleMarkers).flatMap(([imageId, point]) => {
    const h = images[imageId];
    return h === undefined ? [] : [scoordValue('CONTAINS', SR_PRIVATE_CODES['nipple marker'], 'point', [point], imageRef('SELECTED FROM', h.sopClassUid, h.sopInstanceUid))];
  });
}

export function examEvaluations(draft: ExamDraft, report: DerivedReport, images: Readonly<Record<string, SrImageHeader>>): ContentItem {
  const items: ContentItem[] = [];
  if (draft.composition !== null) items.push(codeValue('CONTAINS', SR_CODES['breast composition'], COMPOSITION_CODES[draft.composition]));
  if ((draft.indication ?? null) !== null) items.push(textValue('CONTAINS', SR_PRIVATE_CODES.indication, draft.indication as string));
  // The clinical history as the draft holds it (JSON): PS3.16 has no coded form for its procedures with side, date and site.
  items.push(textValue('CONTAINS', SR_PRIVATE_CODES['clinical history'], utJson(draft.history)));
  if (draft.priorDate !== null && /^\d{4}-\d{2}-\d{2}$/.test(draft.priorDate)) items.push(dateValue('CONTAINS', SR_PRIVATE_CODES['comparison examination date'], draft.priorDate));
  for (const side of ['right', 'left'] as const) {
    items.push(codeValue('CONTAINS', SR_CODES['assessment category'], ASSESSMENT_CODES[report.bySide[side].assessment], [findingSite(side)]));
  }
  items.push(...nippleMarkers(draft, images));
  // The overall assessment is the one without a finding site.
  items.push(codeValue('CONTAINS', SR_CODES['assessment category'], ASSESSMENT_CODES[report.overall.assessment]));
  items.push(textValue('CONTAINS', SR_CODES['narrative summary'], report.text, [originMarker(report.edited)]));
  if (report.edited) items.push(container('CONTAINS', SR_PRIVATE_CODES.suggestion, [textValue('CONTAINS', SR_CODES['narrative summary'], report.suggestedText)]));
  return container('CONTAINS', SR_CODES['qualitative evaluations'], items);
}
