/**
 * Where a calcification's edge lies beyond an outline drawn at a fraction of its peak contrast.
 *
 * A calcification is a solid: its projected thickness falls to nothing at its silhouette (the
 * chord of a sphere or of a rod's cross-section, 2√(r² − x²)), and the detector blurs it further
 * (presampling blur and the pixel's aperture). An outline drawn at 0.4–0.5 of the blurred peak
 * therefore lies inside the solid's edge, and the long axis read on it is short by the blur: on
 * the acquisition-setting phantoms by 0.04–0.07 mm at a-Se blur and 0.07–0.1 mm at CsI blur
 * (median, every pixel size), the same on the main phantom set (0.068 mm).
 *
 * Model (computed, not tuned): the chord profile of a sphere 0.2–3 mm across or of a rod
 * 0.1–0.8 mm thick, absorbed fraction 1 − e^(−μt) with μ = 3 /mm (calcium at mammographic
 * energies), the pixel's box (0.05–0.1 mm) and a Gaussian blur of σ 0.015–0.065 mm at the
 * detector (a-Se to CsI), sampled at 5 µm. The solid's edge lies where the tangent to the blurred
 * profile at the outline falls to 0.23–0.46 of the peak, median 0.31 (0.25 at a-Se blur, 0.3–0.35
 * at CsI blur, up to 0.45 on saturated deposits over 2 mm), for an outline at 0.4 and at 0.5 of
 * the peak alike; for a flat-topped deposit (a plate) the edge is at half maximum. The edge is
 * taken where the tangent falls to SOLID_EDGE_LEVEL of the peak: the outline's level less that,
 * over the mean edge gradient at the outline, is how far the edge lies beyond it.
 */
import type { DensityPatch } from '../image.js';
import type { Point2 } from './polygon.js';
import { EDGE_WIDTH_PER_INVERSE_SHARPNESS } from '../describe/calcification-features.js';
import { meanEdgeGradient, sampleBilinear } from './intensity.js';

/**
 * Fraction of the peak contrast at which the tangent to the blurred edge meets the deposit's edge.
 * The model puts it at 0.23–0.35 for solids (spheres, rods) and at 0.45–0.5 for flat-topped
 * deposits (a saturated lump over 2 mm, a plate, where the half maximum is the edge). Which one a
 * deposit is cannot be read from its outline, so the level lies between them, nearer the flat
 * end: a flat deposit is over-sized by at most 0.1 of its edge's rise per end, a sphere keeps
 * about half of its correction. On the acquisition-setting phantoms (seeds 500000, 24 FFDM
 * settings) 0.3 / 0.37 / 0.4 bring the median long-axis error from 0.066 mm to 0.028 / 0.039 /
 * 0.047 mm, the worst setting from 0.107 mm to 0.079 / 0.073 / 0.081 mm.
 */
export const SOLID_EDGE_LEVEL = 0.4;

/**
 * Widest edge (10–90 % rise, mm) the solid-and-blur model explains: the model gives up to 0.19 mm
 * (a 0.5–1 mm sphere under a 0.065 mm CsI blur on 0.1 mm pixels), and noise on the peak widens
 * the measured edge of faint deposits (95th percentile 0.28 mm on the acquisition-setting
 * phantoms). A wider edge is a margin of the deposit's own (a hazy margin, tissue around it, or
 * processing), not detector blur: its half-maximum outline is kept as the edge.
 */
export const SOLID_EDGE_WIDTH_MAX_MM = 0.3;

/**
 * Largest offset taken, px: the model's widest (a 0.065 mm CsI blur on 0.05 mm pixels, an outline
 * at half maximum) is about 1 px; a flatter gradient than that is noise or tissue at the outline.
 */
export const MAX_EDGE_OFFSET_PX = 1.5;

/**
 * How far (px, ≥ 0) the calcification's edge lies beyond an outline, along its normal: the mean
 * contrast at the outline's vertices less SOLID_EDGE_LEVEL × the peak contrast, over the mean edge
 * gradient there (the gradient marginSharpness reads), at most MAX_EDGE_OFFSET_PX. An outline drawn
 * at half maximum on a blurred sphere gets a few tenths of a pixel; one drawn at the visible edge,
 * or beyond it, gets 0; so does an edge wider than SOLID_EDGE_WIDTH_MAX_MM (calibrated images).
 * The same for every outline, traced by segmentation or drawn by hand: it reads the image there.
 *
 * @example edgeOffsetPx(patch, contour, 812.4, 240, 0.07) // → 0.3 for an outline at half maximum on a blurred 0.5 mm sphere
 */
export function edgeOffsetPx(patch: DensityPatch, contour: readonly Point2[], background: number, peakContrast: number, pixelMm: number | null): number {
  if (contour.length === 0 || !(peakContrast > 0)) return 0;
  const gradient = meanEdgeGradient(patch, contour);
  if (!(gradient > 0)) return 0;
  if (pixelMm !== null && (EDGE_WIDTH_PER_INVERSE_SHARPNESS * pixelMm * peakContrast) / gradient > SOLID_EDGE_WIDTH_MAX_MM) return 0;
  let level = 0;
  for (const q of contour) level += sampleBilinear(patch, q.x, q.y) - background;
  level /= contour.length;
  return Math.min(MAX_EDGE_OFFSET_PX, Math.max(0, (level - SOLID_EDGE_LEVEL * peakContrast) / gradient));
}
