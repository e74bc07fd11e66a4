/**
 * Tissue or calcium, for what a region search (rectangle, freehand outline, `--roi`) finds without
 * a click: a density whose edge is softer than a calcium deposit's can be is left out as tissue
 * (region-search.ts).
 *
 * A calcification is a solid deposit: its thickness, and so its density, ends at its surface, and
 * the image softens that edge only by the detector's blur — or, on a deposit rounded like a sphere,
 * by its chord. Crossing strands, vessels, the edges of Cooper's ligaments and small nodules of
 * glandular tissue rise out of their surroundings as smooth bumps and ridges, their density fading
 * over a distance comparable to their width. Measured by the 10–90 % rise distance of the edge
 * (edgeWidthMm) against two limits; the edge is softer than calcium when it exceeds both:
 *
 * - **the blur**, `edgeMaxMm` and `edgeMaxPx`: the softest edge of a calcification narrower than
 *   about 0.8 mm. TUNED on the phantom set over real systems' blur and pixel sizes (seeds 500000,
 *   every acquisition setting, outlines of deposits narrower than 0.75 mm): 99th percentile 0.29 /
 *   0.34 / 0.38 mm at 0.05 / 0.07 / 0.1 mm pixels, 3.5 px at 0.15 and 0.2 mm. Checked, not tuned, on
 *   the real GE image (CsI, 0.094 mm): its small calcifications measure 0.26–0.35 mm, the tissue
 *   strands a rectangle found beside them 0.41–0.53 mm. A system blurrier than the phantoms' (σ
 *   above 0.065 mm: computed radiography) would have small calcifications left out — named, and
 *   outlined by a click: a question for such images.
 * - **the profile**, `maxEdgeToWidth`: a Gaussian bump's half-maximum outline lies at 1.18 σ, where
 *   the slope is 0.59 / σ of the peak; the rise read from that slope (EDGE_WIDTH_PER_INVERSE_SHARPNESS,
 *   1.022 / slope) is 1.74 σ against a width of 2.35 σ: **0.74** of the width, whatever its size. A
 *   solid sphere (thickness ∝ √(r² − x²)): half maximum at 0.87 r, slope 1.73 / r, rise 0.59 r
 *   against a width of 1.73 r: **0.34**; a disc or an irregular deposit less. The limit, 0.5, lies
 *   between. The width is the calibre of a line (elongation ≥ MORPHOLOGY_THRESHOLDS.elongatedMin),
 *   the short axis of anything else.
 *
 * On the phantom set (above; a rectangle around each group) the rule leaves out 6 of 2702 outlines at
 * a calcification (2 vascular walls, 3 fine-linear branching casts, 1 fine pleomorphic deposit) and
 * 5 of the 64 at none. No source beyond this physics: a question for a radiologist. A click is not
 * read by this rule: a density the radiologist clicks is outlined and described.
 *
 * Uncalibrated film: the millimetre limit must hold at every film scan pitch (film-pitch.ts); the
 * pixel and profile limits have no millimetres.
 */
import { atEveryFilmPitch } from './film-pitch.js';
import type { CalcificationFeatures } from './calcification-features.js';
import { EDGE_WIDTH_PER_INVERSE_SHARPNESS } from './calcification-features.js';
import { MORPHOLOGY_THRESHOLDS } from './morphology-rules.js';
import { fmt2, fmtMm, round2 } from './rule-table.js';

export const TISSUE_EDGE = {
  /** The softest edge of a small calcification at the phantoms' systems (mm) … */
  edgeMaxMm: 0.4,
  /** … or in pixels, on large pixels (digitised film). */
  edgeMaxPx: 4,
  /** The softest edge of a calcium deposit as a share of its width (sphere 0.34, Gaussian bump 0.74). */
  maxEdgeToWidth: 0.5,
} as const;

/** The features the test reads: the edge in pixels (any calibration), the width and the shape. */
type EdgeFeatures = Pick<CalcificationFeatures, 'marginSharpness' | 'shortAxisPx' | 'calibrePx' | 'elongation' | 'pixelSizeMm' | 'filmPitchMm'>;

export interface TissueEdge {
  /** true: softer than calcium, left out of a region search. */
  readonly tissue: boolean;
  /** The edge against its limit, in words. */
  readonly words: string;
}

/**
 * Whether a density a region search found has an edge softer than calcium's (see the module
 * comment); null when no edge was measured.
 * @example tissueEdge(calcificationFeatures(m))?.tissue // → true for a 2 mm blob with a 1.5 mm edge
 */
export function tissueEdge(f: EdgeFeatures): TissueEdge | null {
  if (!(f.marginSharpness > 0)) return null;
  const line = round2(f.elongation) >= MORPHOLOGY_THRESHOLDS.elongatedMin;
  const widthPx = line ? f.calibrePx : f.shortAxisPx;
  if (!(widthPx > 0)) return null;
  const edgePx = EDGE_WIDTH_PER_INVERSE_SHARPNESS / f.marginSharpness;
  const ratio = round2(edgePx / widthPx);
  const overProfile = ratio > TISSUE_EDGE.maxEdgeToWidth;
  const p = f.pixelSizeMm;
  const overBlur =
    p === null
      ? edgePx > TISSUE_EDGE.edgeMaxPx && atEveryFilmPitch(edgePx, f.filmPitchMm, (mm) => mm > TISSUE_EDGE.edgeMaxMm) === true
      : Number(fmt2(edgePx * p)) > Math.max(TISSUE_EDGE.edgeMaxMm, round2(TISSUE_EDGE.edgeMaxPx * p));
  const tissue = overProfile && overBlur;
  const what = line ? 'calibre' : 'width';
  const edge = p === null ? `${edgePx.toFixed(1)} px` : `${fmt2(edgePx * p)} mm`;
  const width = p === null ? `${Math.round(widthPx)} px` : `${fmtMm(widthPx * p)} mm`;
  const blurLimit =
    p === null
      ? `${TISSUE_EDGE.edgeMaxPx} px and ${TISSUE_EDGE.edgeMaxMm} mm at every pitch of ${f.filmPitchMm.min}–${f.filmPitchMm.max} mm`
      : `${fmt2(Math.max(TISSUE_EDGE.edgeMaxMm, round2(TISSUE_EDGE.edgeMaxPx * p)))} mm`;
  return {
    tissue,
    words:
      `edge ${edge} ${overBlur ? '>' : '≤'} ${blurLimit}, and ${fmt2(ratio)} of its ${what} of ${width} ` +
      `${overProfile ? '>' : '≤'} ${TISSUE_EDGE.maxEdgeToWidth}`,
  };
}
