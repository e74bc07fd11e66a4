import { ASSESSMENT_CODES, CHANGE_CODES, COMPOSITION_CODES, DISTRIBUTION_CODES, formatCode, MORPHOLOGY_CODES } from 'calcscribe/codes';
import type { AssessmentCategory, BreastComposition, ChangeKind, DistributionTerm, MorphologyTerm } from 'calcscribe/core';

/** "amorphous — SCT:129760005": a lexicon term with the code it is written as. */
export function morphologyOption(t: MorphologyTerm): string {
  return `${t} — ${formatCode(MORPHOLOGY_CODES[t])}`;
}
export function distributionOption(t: DistributionTerm): string {
  return `${t} — ${formatCode(DISTRIBUTION_CODES[t])}`;
}
export function assessmentOption(c: AssessmentCategory): string {
  const code = ASSESSMENT_CODES[c];
  return `BI-RADS ${code.meaning} — ${formatCode(code)}`;
}
export function compositionOption(c: BreastComposition): string {
  const code = COMPOSITION_CODES[c];
  return `${c}: ${code.meaning} — ${formatCode(code)}`;
}
export function changeOption(k: ChangeKind): string {
  const label = k === 'no-priors' ? 'no priors' : k;
  return k === 'no-priors' ? label : `${label} — ${formatCode(CHANGE_CODES[k])}`;
}
