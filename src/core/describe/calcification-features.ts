import type { MammoView } from '../image.js';
import type { CalcificationMeasurements } from '../measure/measurements.js';
import type { VesselEvidence } from '../measure/vessel-evidence.js';
import type { DescribeContext } from './context.js';
import { filmPitchOr, type FilmPitchRange } from './film-pitch.js';
import { resolutionLimitsFor, type ResolutionLimit, type Unresolved } from './resolution-limits.js';

/** The numbers the morphology rules read, with millimetres null on an uncalibrated image. */
export interface CalcificationFeatures {
  readonly calibrated: boolean;
  readonly longAxisMm: number | null;
  readonly calibreMm: number | null;
  readonly skeletonLengthMm: number | null;
  /** Spans in stored-image pixels: what the resolution limits read. */
  readonly longAxisPx: number;
  readonly shortAxisPx: number;
  readonly calibrePx: number;
  readonly skeletonLengthPx: number;
  /** Millimetres per pixel at the calibration's plane; null when uncalibrated. */
  readonly pixelSizeMm: number | null;
  /** Uncalibrated: the scan pitches the pixel may be (a pixel span is sized over them); unused when calibrated. */
  readonly filmPitchMm: FilmPitchRange;
  readonly elongation: number;
  readonly circularity: number;
  readonly solidity: number;
  /** Mean edge gradient over peak contrast, per pixel (measure/intensity.ts). */
  readonly marginSharpness: number;
  /**
   * The margin's 10–90 % rise distance in millimetres (edgeWidthMm): the same edge measures the
   * same width at any pixel size, where the per-pixel sharpness halves when the pixel halves.
   * null when uncalibrated.
   */
  readonly edgeWidthMm: number | null;
  /** Contrast-to-noise with the noise taken over a reference pixel area (contrastToNoiseAtReference). */
  readonly contrastToNoise: number;
  /**
   * Contrast-to-noise with the noise averaged over the calcification's own area (Rose's k:
   * contrast × √(pixels inside) / σ): what decides whether its shape can be read, at any pixel size.
   */
  readonly areaContrastToNoise: number;
  readonly lucentCentreIndex: number;
  readonly heterogeneity: number;
  readonly branchPoints: number;
  /** Branch points the skeleton showed on an outline too uncertain for them (not counted in branchPoints). */
  readonly branchPointsInNoise: number;
  /** Vessel evidence around a line (measure/vessel-evidence.ts); null when not a line or not measured. */
  readonly vessel: VesselEvidence | null;
  readonly view: MammoView | null;
  /** The resolution limits that apply at this pixel size (RESOLUTION_LIMITS). */
  readonly limits: readonly ResolutionLimit[];
  /** What the limits leave unresolved: the predicates reading it are not applied. */
  readonly unresolved: ReadonlySet<Unresolved>;
}

/**
 * The pixel size behind a measurement: a Length holds the same distance in pixels and in
 * millimetres (mm = px × spacing), so their ratio is the spacing the measurement used.
 */
export function pixelSizeOf(m: CalcificationMeasurements): number | null {
  const { px, mm } = m.longAxis;
  return m.calibration === 'uncalibrated' || mm === null || !(px > 0) ? null : mm / px;
}

/**
 * The pixel the contrast-to-noise is stated for: 0.1 mm, a full-field detector's pitch (GE; the
 * thresholds were set on it). Quantum noise is white to first order: a pixel of side p collects
 * photons in proportion to p², so its noise σ scales as 1 / p and the per-pixel contrast-to-noise
 * as p. Stated for the same area it is the same calcification at any pixel size.
 */
export const REFERENCE_PIXEL_MM = 0.1;

/**
 * 10–90 % rise distance of a Gaussian-blurred step per unit of 1 / sharpness: the rise spans
 * 2.563 σ and the mean gradient at the half-height outline over the step is 1 / (σ √(2π)).
 */
export const EDGE_WIDTH_PER_INVERSE_SHARPNESS = 2.563 / Math.sqrt(2 * Math.PI);

/** The margin's 10–90 % rise distance in mm from its per-pixel sharpness; null when uncalibrated or no edge. */
export function edgeWidthMm(marginSharpness: number, pixelSizeMm: number | null): number | null {
  if (pixelSizeMm === null || !(marginSharpness > 0)) return null;
  return (EDGE_WIDTH_PER_INVERSE_SHARPNESS * pixelSizeMm) / marginSharpness;
}

/**
 * Contrast-to-noise with the noise of a REFERENCE_PIXEL_MM pixel: the per-pixel ratio × reference / pixel
 * size, on pixels smaller than the reference. On larger ones (digitised film) the per-pixel ratio:
 * there small deposits span few pixels and the pixel dilutes their mean contrast (partial volume),
 * which offsets the lower noise. Uncalibrated (pixel size unknown): the per-pixel ratio.
 */
export function contrastToNoiseAtReference(m: CalcificationMeasurements): number {
  const p = pixelSizeOf(m);
  return p === null || p >= REFERENCE_PIXEL_MM ? m.contrastToNoise : (m.contrastToNoise * REFERENCE_PIXEL_MM) / p;
}

/**
 * The pixel area the contrast-to-noise is stated for, in words: "per 0.1 mm pixel" on pixels up
 * to the reference, "per 0.20 mm pixel" on larger (film) pixels, "per pixel" when uncalibrated
 * (contrastToNoiseAtReference).
 */
export function contrastToNoiseBasis(pixelSizeMm: number | null): string {
  if (pixelSizeMm === null) return 'per pixel';
  return pixelSizeMm <= REFERENCE_PIXEL_MM ? `per ${REFERENCE_PIXEL_MM} mm pixel` : `per ${pixelSizeMm.toFixed(2)} mm pixel`;
}

/**
 * Rose's k of one calcification: the per-pixel contrast-to-noise × √(its area in pixels), i.e. its
 * mean contrast against the noise of a mean over as many pixels (Rose 1948; Burgess 1999). A
 * smaller pixel has more noise but more pixels over the same deposit: the product stays.
 */
export function areaContrastToNoise(m: CalcificationMeasurements): number {
  return m.contrastToNoise * Math.sqrt(Math.max(1, m.area.px2));
}

/** Reads the rule features from one calcification's measurements. */
export function calcificationFeatures(m: CalcificationMeasurements, ctx?: DescribeContext): CalcificationFeatures {
  const calibrated = m.calibration !== 'uncalibrated' && m.longAxis.mm !== null;
  const pixelSizeMm = calibrated ? pixelSizeOf(m) : null;
  const limits = resolutionLimitsFor({
    longAxisPx: m.longAxis.px,
    calibrePx: m.skeleton.calibre.px,
    elongation: m.elongation,
    pixelSizeMm,
  });
  return {
    calibrated,
    longAxisMm: calibrated ? m.longAxis.mm : null,
    calibreMm: calibrated ? m.skeleton.calibre.mm : null,
    skeletonLengthMm: calibrated ? m.skeleton.length.mm : null,
    longAxisPx: m.longAxis.px,
    shortAxisPx: m.shortAxis.px,
    calibrePx: m.skeleton.calibre.px,
    skeletonLengthPx: m.skeleton.length.px,
    pixelSizeMm,
    filmPitchMm: filmPitchOr(m.filmPitchMm),
    elongation: m.elongation,
    circularity: m.circularity,
    solidity: m.solidity,
    marginSharpness: m.marginSharpness,
    edgeWidthMm: edgeWidthMm(m.marginSharpness, pixelSizeMm),
    contrastToNoise: contrastToNoiseAtReference(m),
    areaContrastToNoise: areaContrastToNoise(m),
    lucentCentreIndex: m.lucentCentreIndex,
    heterogeneity: m.heterogeneity,
    branchPoints: m.skeleton.branchPoints,
    branchPointsInNoise: m.skeleton.branchPointsInNoise ?? 0,
    vessel: m.vessel ?? null,
    view: ctx?.view ?? null,
    limits,
    unresolved: new Set(limits.map((l) => l.unresolved)),
  };
}
