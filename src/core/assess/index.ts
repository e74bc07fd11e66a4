export type { AssessmentInput, Suggestion } from './suggestion.js';
export { ASSESSMENT_PREDICATES, ASSESSMENT_RULES, DYSTROPHIC_DIFFERENTIAL, type AssessmentRule } from './assessment-rules.js';
export { CATEGORY_TABLE, OVERALL_ORDER, SUSPICION_ORDER, categoryLabel, type CategoryInfo } from './categories.js';
export { MORPHOLOGY_BASE } from './facts.js';
export { overallAssessment, overallAssessmentBySide, type OverallAssessment } from './overall-assessment.js';
export { applyOverrides, assess, type Assessed, type Overrides, type OverriddenTerm } from './overrides.js';
export {
  parseChange,
  parseComposition,
  parseDistribution,
  parseExamDate,
  parseHistory,
  isHistoryDate,
  parseIndication,
  parseKnownCancer,
  parseList,
  parseMorphology,
  parseMorphologyList,
  parseSide,
} from './parse-terms.js';
export { checkAssessmentInput, checkDate, checkKnownCancer } from './check-input.js';
export { PROBABLY_BENIGN_SCHEDULE_MONTHS, SCREENING_RECALL, nextFollowUpMonths } from './indication-rules.js';
export { SUSPICIOUS_PPV, type PpvRow } from './suspicious-ppv.js';
export { suggestAssessment, type DetailedSuggestion } from './suggest-assessment.js';
export { assessmentInputFromJson, suggestFromJson, type BatchSuggestion } from './suggest-from-json.js';
