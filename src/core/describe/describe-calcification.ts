import type { MorphologyTerm } from '../lexicon.js';
import type { CalcificationMeasurements } from '../measure/measurements.js';
import { filmPitchRangeWords } from '../film-scan-pitch.js';
import type { FilmPitchRange } from './film-pitch.js';
import type { DescribeContext } from './context.js';
import type { InseparableTerms, MorphologyDescription, NotCharacterised } from './description.js';
import { calcificationFeatures, type CalcificationFeatures } from './calcification-features.js';
import { MORPHOLOGY_PREDICATES, MORPHOLOGY_RULES, MORPHOLOGY_THRESHOLDS } from './morphology-rules.js';
import { fmt1, gradeRules, nearestFitWords, shown1 } from './rule-table.js';
import { vesselCaution } from './vascular-rules.js';
import { benignUndecided } from './benign-undecided.js';
import { viewLimitsFor } from './view-limits.js';

/**
 * The caveat of every finding on an uncalibrated image, with the scan pitches its sizes were read
 * over, and why the range ends below the coarsest film pitch when the image's size lowered it.
 */
export const uncalibratedEvidence = (pitch: FilmPitchRange): string =>
  `image uncalibrated: a size threshold is applied only where it holds, or fails, at every film scan pitch (${filmPitchRangeWords(pitch)})`;

/** The evidence line when no rule fits, fully or nearly. */
export const NO_RULE_MATCHED = 'no morphology rule matched these measurements';

/**
 * Too faint to be told from noise (Rose criterion: contrast-to-noise over its own area under 5;
 * Rose 1948, Burgess 1999): no term is read from its shape, whichever rule its outline would fit —
 * an outline drawn in noise and texture has any shape, and a suspicious term on it would send a
 * patient to biopsy on noise. Only a term given without a shape (READ_WITHOUT_SHAPE) can stand.
 * null when the deposit stands out enough.
 */
function tooFaint(f: Pick<CalcificationFeatures, 'areaContrastToNoise'>): NotCharacterised | null {
  const words = faintWords(f);
  return words === null ? null : { reason: `not characterised: ${words}`, words: 'too faint to characterise' };
}

/** "too faint (contrast-to-noise over its area 3.5 < 5: …)" when under the Rose criterion, else null (tooFaint). */
export function faintWords(f: Pick<CalcificationFeatures, 'areaContrastToNoise'>): string | null {
  const rose = MORPHOLOGY_THRESHOLDS.roseAreaContrastToNoiseMin;
  if (!(shown1(f.areaContrastToNoise) < rose)) return null;
  return `too faint (contrast-to-noise over its area ${fmt1(f.areaContrastToNoise)} < ${rose}: below the Rose criterion a deposit cannot be told from noise)`;
}

/**
 * The terms a deposit too faint to show its shape can still be given: amorphous is the term for one
 * "so small and/or hazy in appearance that a more specific particle shape cannot be determined"
 * (ACR BI-RADS Atlas, 5th ed., 2013, Mammography, Calcifications, suspicious morphology, a. amorphous).
 */
export const READ_WITHOUT_SHAPE: ReadonlySet<MorphologyTerm> = new Set<MorphologyTerm>(['amorphous']);

const NONE_FITS: NotCharacterised = { reason: NO_RULE_MATCHED, words: 'no lexicon term fits the measurements' };

/**
 * Suggests the morphology of one calcification from its measurements, best term first, with the
 * evidence for it in words ("long axis 2.4 mm > 1 mm; lucent-centre index 0.41 ≥ 0.05; margin
 * smooth …"). When no rule fits, no term is given ("not characterised" with the reason) and the
 * nearest fit (all conditions but one) is stated with the one that does not hold. Below the pixel size the terms
 * that cannot be separated are listed (RESOLUTION_LIMITS), or the calcification is "not
 * characterised" with the reason. Caveats that hold for the whole finding (uncalibrated image,
 * views needed to exclude skin or milk of calcium) go to `caveats`, not to the evidence.
 * On an uncalibrated image no millimetre threshold is applied and confidence is halved.
 *
 * @example describeCalcification(m, { view: 'CC' }).terms[0] // { term: 'dystrophic', confidence: 0.75 }
 */
export function describeCalcification(m: CalcificationMeasurements, ctx: DescribeContext = {}): MorphologyDescription {
  const f = calcificationFeatures(m, ctx);
  const caveats: string[] = [];
  if (!f.calibrated) caveats.push(uncalibratedEvidence(f.filmPitchMm));
  const blocking = f.limits.find((l) => l.unresolved === 'everything');
  if (blocking !== undefined) {
    const notCharacterised = { reason: blocking.say(f), words: blocking.words(f) };
    return { terms: [], evidence: [notCharacterised.reason], sizeThresholdsApplied: f.calibrated, caveats, notCharacterised, cannotSeparate: [] };
  }
  const faint = tooFaint(f);
  const cannotSeparate: InseparableTerms[] = f.limits.map((l) => ({ terms: l.cannotSeparate, reason: l.say(f), words: l.words(f) }));
  const graded = gradeRules(MORPHOLOGY_RULES, MORPHOLOGY_PREDICATES, f);
  const { near } = graded;
  const evidence: string[] = [];
  // A suspicious term on a line that may be a vessel wall is held back (vascular-rules.ts).
  // …and a benign term is not given over a suspicious one on thresholds never applied (benign-undecided.ts).
  const caution = vesselCaution(f, graded.fired) ?? benignUndecided(f, graded.fired);
  // Too faint to tell from noise: its outline's shape says nothing, so only a term given without a
  // shape can stand (READ_WITHOUT_SHAPE: amorphous, "no more specific shape can be given").
  const fired = caution !== null ? [] : faint !== null ? graded.fired.filter((r) => READ_WITHOUT_SHAPE.has(r.term)) : graded.fired;
  const best = fired[0];
  let notCharacterised: NotCharacterised | null = null;
  if (caution !== null) {
    notCharacterised = caution;
    evidence.push(caution.reason);
  } else if (best === undefined && faint !== null) {
    notCharacterised = faint;
    evidence.push(faint.reason);
  } else if (best === undefined) {
    notCharacterised = NONE_FITS;
    evidence.push(notCharacterised.reason);
    const nearest = near[0];
    if (nearest !== undefined) evidence.push(nearestFitWords(nearest));
  } else {
    evidence.push(`${best.term}: ${best.evidence.join('; ')}`);
    for (const other of fired.slice(1)) evidence.push(`also consistent with ${other.term}: ${other.evidence.join('; ')}`);
    caveats.push(...viewLimitsFor(best.term, ctx));
  }
  evidence.push(...cannotSeparate.map((c) => c.reason));
  return {
    terms: fired.map((r) => ({ term: r.term, confidence: r.confidence })),
    evidence,
    sizeThresholdsApplied: f.calibrated,
    caveats,
    notCharacterised,
    cannotSeparate,
  };
}
