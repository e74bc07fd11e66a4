/**
 * What the pixel size lets the rules read, as data. Sampling theory (Nyquist–Shannon: a detail
 * must span at least two samples to be represented; Shannon, Proc. IRE 1949; for detector
 * images, the limiting resolution is 1 / (2 × pixel pitch) line pairs per mm — IEC 62220-1,
 * and Bushberg et al., The Essential Physics of Medical Imaging, 3rd ed., ch. 4 and 8) sets the
 * limits below: a calcification spanning fewer than 2 pixels cannot be characterised at all; its
 * outline (round or irregular, lucent centre, margin) needs a further pixel beyond the two the
 * blur takes, so below 3 pixels across the shape-based terms cannot be separated; a line whose
 * calibre measures under 2 pixels has an unresolved calibre, known only to be below 2 pixels.
 * Each limit names the terms it cannot separate; the description and the report say so.
 */
import type { MorphologyTerm } from '../lexicon.js';
import { fmt1, fmtMm, shown1 } from './rule-table.js';

export const RESOLUTION_THRESHOLDS = {
  /** Nyquist: fewer than 2 pixels across, nothing of the shape is sampled. */
  minPxAcross: 2,
  /** 2 pixels for the blurred edges plus 1 inside: the least that shows an outline. */
  shapeMinPxAcross: 3,
  /** Nyquist on the width of a line. */
  calibreMinPx: 2,
  /** Elongation from which a calcification is read as a line (MORPHOLOGY_THRESHOLDS.elongatedMin). */
  lineElongationMin: 3,
  /** The calibre boundary between fine linear and large rod-like (atlas: < 0.5 mm vs ≥ 0.5 mm). */
  fineCalibreMaxMm: 0.5,
} as const;

const R = RESOLUTION_THRESHOLDS;

/** The pixel spans a limit reads. */
export interface PixelSpans {
  readonly longAxisPx: number;
  readonly calibrePx: number;
  readonly elongation: number;
  /** Millimetres per pixel; null when uncalibrated. */
  readonly pixelSizeMm: number | null;
}

/** What a limit does: nothing can be read, or the shape, or the calibre. */
export type Unresolved = 'everything' | 'shape' | 'calibre';

export interface ResolutionLimit {
  readonly id: string;
  readonly unresolved: Unresolved;
  readonly applies: (s: PixelSpans) => boolean;
  /** The terms that cannot be separated when the limit applies ([] for "not characterised"). */
  readonly cannotSeparate: readonly MorphologyTerm[];
  /** The concrete reason in words, with the measured span and the pixel size. */
  readonly say: (s: PixelSpans) => string;
  /** The reason in report words ("too small for the 0.20 mm pixel size"). */
  readonly words: (s: PixelSpans) => string;
  readonly source: string;
}

/** "the 0.20 mm pixel size", or "this pixel size" on an uncalibrated image. */
export function pixelSizeWords(pixelSizeMm: number | null): string {
  return pixelSizeMm === null ? 'this pixel size' : `the ${pixelSizeMm.toFixed(2)} mm pixel size`;
}

/** Whether a calibre under 2 px leaves the 0.5 mm boundary undecided (2 px reach past 0.5 mm). */
const calibreBoundUndecided = (s: PixelSpans): boolean =>
  s.pixelSizeMm !== null && R.calibreMinPx * s.pixelSizeMm >= R.fineCalibreMaxMm;

export const RESOLUTION_LIMITS: readonly ResolutionLimit[] = [
  {
    id: 'too-small-for-pixel-size',
    unresolved: 'everything',
    applies: (s) => shown1(s.longAxisPx) < R.minPxAcross,
    cannotSeparate: [],
    say: (s) =>
      `not characterised: too small for ${pixelSizeWords(s.pixelSizeMm)} (long axis ${fmt1(s.longAxisPx)} px < ${R.minPxAcross} px: a shape needs at least ${R.minPxAcross} pixels across)`,
    words: (s) => `too small for ${pixelSizeWords(s.pixelSizeMm)}`,
    source: 'Nyquist–Shannon sampling: a detail must span at least 2 samples (Shannon 1949; IEC 62220-1)',
  },
  {
    id: 'shape-below-pixel-size',
    unresolved: 'shape',
    applies: (s) => shown1(s.longAxisPx) >= R.minPxAcross && shown1(s.longAxisPx) < R.shapeMinPxAcross,
    cannotSeparate: ['punctate', 'amorphous', 'fine pleomorphic'],
    say: (s) =>
      `punctate, amorphous and fine pleomorphic cannot be separated at ${pixelSizeWords(s.pixelSizeMm)}: long axis ${fmt1(s.longAxisPx)} px < ${R.shapeMinPxAcross} px, too few pixels to read a shape or margin`,
    words: (s) => `cannot be separated at ${pixelSizeWords(s.pixelSizeMm)}`,
    source:
      'Nyquist–Shannon sampling (2 pixels per detail) plus one pixel inside the blurred edge; atlas: punctate (round, < 0.5 mm), amorphous (no definable shape) and fine pleomorphic (varied shapes, < 0.5 mm) differ by shape',
  },
  {
    id: 'calibre-below-pixel-size',
    unresolved: 'calibre',
    applies: (s) => shown1(s.elongation) >= R.lineElongationMin && shown1(s.calibrePx) < R.calibreMinPx && calibreBoundUndecided(s),
    cannotSeparate: ['fine linear', 'fine-linear branching', 'large rod-like'],
    say: (s) =>
      `fine linear and large rod-like cannot be separated at ${pixelSizeWords(s.pixelSizeMm)}: calibre ${fmt1(s.calibrePx)} px < ${R.calibreMinPx} px, known only to be under ${fmtMm(R.calibreMinPx * (s.pixelSizeMm ?? 0))} mm (the boundary is ${R.fineCalibreMaxMm} mm)`,
    words: (s) => `cannot be separated by calibre at ${pixelSizeWords(s.pixelSizeMm)}`,
    source:
      'Nyquist–Shannon sampling on the width of a line (2 pixels); atlas: fine linear calibre < 0.5 mm, large rod-like ≥ 0.5 mm thick',
  },
];

/** The limits that apply to these spans. */
export function resolutionLimitsFor(s: PixelSpans): ResolutionLimit[] {
  return RESOLUTION_LIMITS.filter((l) => l.applies(s));
}

