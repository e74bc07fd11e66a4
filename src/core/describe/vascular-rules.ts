/**
 * Vascular evidence as data: the predicates that read the vessel evidence measured around a linear
 * calcification (measure/vessel-evidence.ts), and the caution that stops a suspicious term on a line
 * that may be a vessel wall. A suspicious term on a calcified vessel sends a patient to a needless
 * biopsy; a vessel wall called "not characterised: check for a parallel wall" costs a second look.
 *
 * Atlas: vascular calcifications are "parallel tracks, or linear tubular calcifications that are
 * clearly associated with blood vessels" (ACR BI-RADS Atlas, 5th ed., 2013, Mammography,
 * Calcifications, typically benign, b. vascular).
 *
 * Uncalibrated film: a distance in pixels is read over the range of film scan pitches the vessel
 * search read the image at (VesselEvidence.filmPitchMm: 0.042–0.1 mm per pixel, its upper end lowered
 * to what the image's size allows), and the words say so; a predicate that holds at every pitch in
 * that range holds, one that holds at some pitch only is partial evidence.
 */
import { DUCT_CAST_MORPHOLOGY, isTypicallyBenign, type MorphologyTerm } from '../lexicon.js';
import { VESSEL_FILM_PITCH, VESSEL_SEARCH, type ParallelWall, type VesselEvidence } from '../measure/vessel-evidence.js';
import { filmRangeWords, usableFilmPitch, type FilmPitchRange } from './film-pitch.js';
import type { CalcificationFeatures as F } from './calcification-features.js';
import type { NotCharacterised } from './description.js';
import { fmtMm, shown2, shownMm, type FeaturePredicate } from './rule-table.js';

export const VASCULAR_THRESHOLDS = {
  /**
   * The other wall is "a parallel wall" when the stations along the track see it over at least this
   * share of the track: tram tracks run side by side, a crossing line or a neighbouring cast is seen
   * over a short stretch only. TUNED on phantom settings (vascular against fine linear and
   * fine-linear branching groups, 0.05–0.1 mm pixels, low and high noise).
   */
  parallelSeenMin: 0.5,
  /** Seen over at least this share: partial evidence of a second wall (caution, not a term). */
  partialSeenMin: 0.25,
  /**
   * Tram tracks run side by side over several times their distance apart; neighbouring duct casts
   * or rods lie side by side over a cast's length only. TUNED on the main phantom set: vascular walls
   * measure 5–9 × (10–18 mm alongside at 1.6–2.4 mm), fine linear casts ≤ 3 × and large rods ≤ 4 ×;
   * at 4 one fine linear cast and one rod of 214 and 59 still pass, 56 of 69 vessel walls do.
   */
  alongsideOverSeparationMin: 4,
  /**
   * The same for partial evidence: a second wall side by side over at least 3 × its distance (less is a
   * neighbouring dot or cast). TUNED on the main phantom set: at 2 × 11 of 155 fine linear casts lose
   * their term to the caution, at 3 × 5.
   */
  partialAlongsideOverSeparationMin: 3,
  /** A thin line at least this long is longer than a duct-cast piece (MORPHOLOGY_THRESHOLDS.vascularLengthMinMm). */
  longTrackMinMm: 5,
  /**
   * A bead held as coarse heterogeneous, fine pleomorphic or amorphous that is followed along a
   * calcified line at least this far is a piece of that line, not a deposit on its own: partial
   * evidence (never for fine linear or fine-linear branching, which are lines themselves and whose
   * casts are followed as far). TUNED on phantom settings (FFDM, seeds 500000): such beads of
   * coarse heterogeneous, fine pleomorphic and amorphous groups are followed at most 1.6, 3.5 and
   * 7.0 mm, vessel walls 10–26 mm.
   */
  beadOnLongLineMinMm: 10,
  /**
   * A tube with its lumen inside one outline (measure/lumen.ts): a lumen seen at at least this share
   * of the stations read, over at least `lumenStationsMin` of them (10 px of track), is the lucent
   * line down a small calcified artery whose two walls lie too close to be outlined apart. Half the
   * track, as for a parallel wall (parallelSeenMin): a wall calcified in rings and plaques shows its
   * lumen between them, not everywhere. No source gives these: set before the check on drawn tubes,
   * rods and casts and on the phantom sets (solid rods ≤ 0.37, docs/describe-rules.md, "A tube with
   * its lumen"), and a question for more real images.
   */
  lumenSeenMin: 0.5,
  lumenStationsMin: 5,
} as const;

const VT = VASCULAR_THRESHOLDS;
const V = VESSEL_SEARCH;

const wallOf = (f: F): ParallelWall | null => f.vessel?.parallelWall ?? null;

/** The pitches the vessel search read an uncalibrated image at (evidence saved before they were kept: the whole range). */
const pitchOf = (v: VesselEvidence | null | undefined): FilmPitchRange => (usableFilmPitch(v?.filmPitchMm) ? v.filmPitchMm : VESSEL_FILM_PITCH);

/** A pixel span over the search's pitches in words: "10.0–23.9 mm at a film scan pitch of 0.042–0.1 mm per pixel". */
const overPitch = (pxSpan: number, p: FilmPitchRange, what = '', image?: FilmPitchRange): string =>
  `${filmRangeWords(pxSpan, p, what)}${image !== undefined && image.max > p.max ? `, the pitches a vessel is looked for at (the image's own range goes to ${image.max} mm)` : ''}`;

/** The wall's distance and run in words: mm when calibrated, px with the film pitch range when not. */
export function parallelWallWords(w: ParallelWall, v: VesselEvidence | null, imagePitch?: FilmPitchRange): string {
  const followed = v === null ? null : v.followed;
  const gaps = v === null || v.gapsBridged === 0 ? '' : ` past ${v.gapsBridged} gap${v.gapsBridged === 1 ? '' : 's'}`;
  const share = `seen along ${Math.round(w.seenFraction * 100)} % of the track`;
  if (w.separation.mm !== null && w.alongside.mm !== null) {
    const of = followed?.mm === null || followed === null ? '' : ` followed ${fmtMm(followed.mm)} mm${gaps}`;
    return `parallel wall ${fmtMm(w.separation.mm)} mm away over ${fmtMm(w.alongside.mm)} mm (${share}${of})`;
  }
  const sep = w.separation.px;
  const of = followed === null ? '' : ` followed ${Math.round(followed.px)} px${gaps}`;
  return `parallel wall ${Math.round(sep)} px away over ${Math.round(w.alongside.px)} px (${share}${of}; uncalibrated: ${overPitch(sep, pitchOf(v), ' apart', imagePitch)})`;
}

/** Whether the wall's distance lies in a vessel's 1–4 mm (on film: at some pitch of the range). */
function separationFits(w: ParallelWall, p: FilmPitchRange): boolean {
  if (w.separation.mm !== null) {
    const d = shownMm(w.separation.mm);
    return d >= V.separationMinMm && d <= V.separationMaxMm;
  }
  return w.separation.px * p.max >= V.separationMinMm && w.separation.px * p.min <= V.separationMaxMm;
}

/** Whether a length could be at least `minMm`: in mm when calibrated; on film, at the coarsest pitch of the range. */
function mayBeAtLeast(length: { readonly px: number; readonly mm: number | null }, minMm: number, p: FilmPitchRange): boolean {
  return length.mm !== null ? shownMm(length.mm) >= minMm : length.px * p.max >= minMm;
}

/** The track could be ≥ 5 mm (longer than a duct-cast piece); null when no track was followed. */
function trackMayBeLong(f: F): boolean | null {
  const t = f.vessel?.track;
  return t === undefined ? null : mayBeAtLeast(t, VT.longTrackMinMm, pitchOf(f.vessel));
}

const trackWords = (f: F): string => {
  const t = f.vessel?.track;
  if (t === undefined) return 'track not followed';
  return t.mm !== null
    ? `track ${fmtMm(t.mm)} mm long (≥ ${VT.longTrackMinMm} mm: longer than a duct-cast piece)`
    : `track ${Math.round(t.px)} px long: ${overPitch(t.px, pitchOf(f.vessel), '', f.filmPitchMm)} (uncalibrated), may be ≥ ${VT.longTrackMinMm} mm (longer than a duct-cast piece)`;
};

export const VASCULAR_PREDICATES = {
  // Unit-free: two walls with a lucent line between them, inside the outline, along half its length
  // at least. A duct cast or a rod fills its duct and is densest along its middle.
  'a lumen along the track': {
    test: (f) => {
      const l = f.vessel?.lumen ?? null;
      return l !== null && l.stationsRead >= VT.lumenStationsMin && shown2(l.seenFraction) >= VT.lumenSeenMin;
    },
    say: (f) => {
      const l = f.vessel?.lumen ?? null;
      return l === null
        ? 'no lumen read along the track (too narrow to hold one)'
        : `a lumen between two walls seen along ${Math.round(l.seenFraction * 100)} % of the middle of the track (${l.stationsRead} stations read; ≥ ${VT.lumenSeenMin * 100} % of ≥ ${VT.lumenStationsMin} stations)`;
    },
  },
  // A calcified tube seen with its lumen is as wide as the vessel: a breast artery's 1–4 mm
  // (VESSEL_SEARCH, with its source). Large rods (0.5–1 mm thick, atlas) may have lucent centres
  // too, where calcium lies around the duct; a lucent centre alone does not make a rod a vessel.
  'calibre of a vessel': {
    test: (f) => (f.unresolved.has('calibre') || f.calibreMm === null ? null : shownMm(f.calibreMm) >= V.separationMinMm),
    say: (f) => `calibre ${f.calibreMm === null ? '?' : fmtMm(f.calibreMm)} mm ≥ ${V.separationMinMm} mm (a vessel's)`,
  },
  'a parallel wall 1–4 mm away': {
    // No vessel evidence (not a line, or not measured) is no parallel wall: false, never "not applied".
    test: (f) => {
      const w = wallOf(f);
      return w !== null && shown2(w.seenFraction) >= VT.parallelSeenMin && separationFits(w, pitchOf(f.vessel));
    },
    say: (f) => {
      const w = wallOf(f);
      return w === null
        ? 'a parallel wall 1–4 mm away: none seen'
        : `${parallelWallWords(w, f.vessel, f.filmPitchMm)} (a parallel wall ${V.separationMinMm}–${V.separationMaxMm} mm away along ≥ ${VT.parallelSeenMin * 100} % of the track)`;
    },
  },
  'walls side by side over 4 × their distance': {
    test: (f) => {
      const w = wallOf(f);
      return w !== null && shown2(w.alongside.px / Math.max(1e-9, w.separation.px)) >= VT.alongsideOverSeparationMin;
    },
    say: (f) => {
      const w = wallOf(f);
      const ratio = w === null ? 0 : w.alongside.px / Math.max(1e-9, w.separation.px);
      return `walls side by side over ${ratio.toFixed(1)} × their distance apart ≥ ${VT.alongsideOverSeparationMin}`;
    },
  },
} as const satisfies Record<string, FeaturePredicate<F>>;

/** Both tram-track conditions hold: the vessel is shown (vascular stands even when a size threshold was not applied). */
function tramTrack(f: F): boolean {
  return (
    VASCULAR_PREDICATES['a parallel wall 1–4 mm away'].test(f) === true &&
    VASCULAR_PREDICATES['walls side by side over 4 × their distance'].test(f) === true
  );
}

/** The vessel is shown by its two walls: side by side (tram tracks) or around a lumen inside the outline. Unit-free. */
export function vesselShown(f: F): boolean {
  return tramTrack(f) || VASCULAR_PREDICATES['a lumen along the track'].test(f) === true;
}


function followedWords(f: F): string {
  const v = f.vessel;
  if (v === null) return '';
  const gaps = v.gapsBridged === 0 ? '' : ` past ${v.gapsBridged} gap${v.gapsBridged === 1 ? '' : 's'}`;
  const { followed, track } = v;
  return followed.mm !== null && track.mm !== null
    ? `a piece ${fmtMm(track.mm)} mm long of a calcified line followed ${fmtMm(followed.mm)} mm${gaps} (≥ ${VT.beadOnLongLineMinMm} mm)`
    : `a piece ${Math.round(track.px)} px long of a calcified line followed ${Math.round(followed.px)} px${gaps}: ${overPitch(followed.px, pitchOf(v), '', f.filmPitchMm)} (uncalibrated), may be ≥ ${VT.beadOnLongLineMinMm} mm`;
}

/**
 * What partial vessel evidence there is, in words; empty when none. `held` is the suspicious term
 * that would be given: a bead followed along a long calcified line counts only against a term
 * that is not itself a line.
 */
export function partialVesselEvidence(f: F, held?: MorphologyTerm): string[] {
  const out: string[] = [];
  const w = wallOf(f);
  if (
    w !== null &&
    shown2(w.seenFraction) >= VT.partialSeenMin &&
    shown2(w.alongside.px / Math.max(1e-9, w.separation.px)) >= VT.partialAlongsideOverSeparationMin &&
    separationFits(w, pitchOf(f.vessel))
  ) {
    out.push(parallelWallWords(w, f.vessel, f.filmPitchMm));
  }
  // A lumen seen along part of the track only: a tube whose walls are calcified in plaques, or a
  // lucent line between two casts lying side by side.
  const l = f.vessel?.lumen ?? null;
  if (l !== null && l !== undefined && l.stationsRead >= VT.lumenStationsMin && shown2(l.seenFraction) >= VT.partialSeenMin && shown2(l.seenFraction) < VT.lumenSeenMin) {
    out.push(`a lumen between two walls seen along ${Math.round(l.seenFraction * 100)} % of the middle of the track (${l.stationsRead} stations read)`);
  }
  if (trackMayBeLong(f) === true) out.push(trackWords(f));
  // Duct casts are followed as far as a vessel wall, so the followed course of a cast says nothing of a vessel.
  else if (held !== undefined && !DUCT_CAST_MORPHOLOGY.includes(held) && f.vessel !== null && mayBeAtLeast(f.vessel.followed, VT.beadOnLongLineMinMm, pitchOf(f.vessel))) {
    out.push(followedWords(f));
  }
  return out;
}

/** The rules that fired, as vesselCaution reads them: the term, and how many of its thresholds could not be applied. */
export interface FiredTerm {
  readonly term: MorphologyTerm;
  readonly unapplied: number;
}

/**
 * A suspicious term on a line that may be a vessel wall is not given: the calcification is "not
 * characterised: vascular or fine-linear branching, check for a parallel wall", with the partial
 * evidence that made it uncertain and the term that was held back. It applies when a suspicious
 * term fired and the best term is that term, or vascular read with thresholds not applied (a
 * length in mm on uncalibrated film). null when the best term is another benign one or vascular on
 * full evidence, when no suspicious term fired, or when there is no vessel evidence.
 */
export function vesselCaution(f: F, fired: readonly FiredTerm[]): NotCharacterised | null {
  const best = fired[0];
  if (best === undefined || f.vessel === null || tramTrack(f)) return null;
  if (isTypicallyBenign(best.term) && (best.term !== 'vascular' || best.unapplied === 0)) return null;
  const held = fired.find((r) => !isTypicallyBenign(r.term))?.term;
  if (held === undefined) return null;
  const partial = partialVesselEvidence(f, held);
  if (partial.length === 0) return null;
  return {
    reason: `not characterised: vascular or ${held}, check for a parallel wall (${partial.join('; ')}; the vessel is not shown: no second wall seen along ≥ ${VT.parallelSeenMin * 100} % of the track nor a lumen along ≥ ${VT.lumenSeenMin * 100} % of it; neither vascular nor ${held} given)`,
    words: `vascular or ${held}: check for a parallel wall`,
  };
}
