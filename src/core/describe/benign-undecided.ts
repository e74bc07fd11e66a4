/**
 * A typically benign term is not given over a suspicious one when what separates them could not be
 * measured. On digitised film without a pixel spacing (sizes known only in pixels) or below the
 * pixel size, a rule fires with its undecidable thresholds left out: a fine linear cast then fits
 * "large rod-like" as well as "fine linear" (the calibre, 0.5 mm, decides), a coarse heterogeneous
 * deposit fits "coarse" (0.5–1 mm against over 2 mm). Ranked by confidence alone the benign term
 * could win, and a suspicious calcification would be called benign (BI-RADS 2) on a threshold
 * never applied. The calcification is then "not characterised", naming both terms and what could not
 * be measured; the radiologist chooses (or calibrates the image). A vessel shown by its two walls
 * (tram tracks, a lumen) needs no size: vascular stands.
 *
 * Atlas: the suspicious morphologies (ACR BI-RADS Atlas, 5th ed., 2013, Mammography,
 * Calcifications: amorphous, coarse heterogeneous, fine pleomorphic, fine linear or fine-linear
 * branching) carry BI-RADS 4 or 5; a benign term on a deposit that may be one of them is the miss
 * the categories exist to avoid.
 */
import { isTypicallyBenign, type MorphologyTerm } from '../lexicon.js';
import type { CalcificationFeatures as F } from './calcification-features.js';
import type { NotCharacterised } from './description.js';
import { MORPHOLOGY_PREDICATES, MORPHOLOGY_RULES } from './morphology-rules.js';
import type { RuleFiring } from './rule-table.js';
import { vesselShown } from './vascular-rules.js';

/** The thresholds of the term's rule that could not be applied, in words. */
function unappliedWords(f: F, term: MorphologyTerm): string[] {
  const rule = MORPHOLOGY_RULES.find((r) => r.term === term && r.all.some((p) => MORPHOLOGY_PREDICATES[p].test(f) === null));
  if (rule === undefined) return [];
  // Neither held nor failed: the limit is named, not compared ("calibre 4 px (0.17–0.80 mm …) against 0.5 mm").
  return rule.all
    .filter((p) => MORPHOLOGY_PREDICATES[p].test(f) === null)
    .map((p) => MORPHOLOGY_PREDICATES[p].say(f).replace(/ (?:≥|<|>|≤|within|outside) (?=\(?\d)/g, ' against '));
}

/**
 * Not characterised when the best term is typically benign but fired with thresholds not applied,
 * and a suspicious term fired too; null otherwise (a benign term on full evidence stands).
 */
export function benignUndecided(f: F, fired: readonly RuleFiring<MorphologyTerm>[]): NotCharacterised | null {
  const best = fired[0];
  if (best === undefined || !isTypicallyBenign(best.term) || best.unapplied === 0) return null;
  // Two walls seen (tram tracks, a lumen) show the vessel without a size: vascular stands (vascular-rules.ts).
  if (best.term === 'vascular' && vesselShown(f)) return null;
  const suspicious = fired.find((r) => !isTypicallyBenign(r.term));
  if (suspicious === undefined) return null;
  const why = f.calibrated ? 'below what this pixel size resolves' : 'the image has no pixel spacing';
  const open = [...new Set([...unappliedWords(f, best.term), ...unappliedWords(f, suspicious.term)])];
  return {
    reason: `not characterised: ${best.term} or ${suspicious.term} — what separates them could not be measured (${why}: ${open.join('; ')}); the benign term is not given over the suspicious one`,
    words: `${best.term} or ${suspicious.term}: cannot be separated ${f.calibrated ? 'at this pixel size' : 'without a pixel spacing'}`,
  };
}
