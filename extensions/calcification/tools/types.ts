/**
 * What the calcification tools hand to, and get back from, the analysis behind them. The tools
 * only convert coordinates; the segmentation and measurement are the core's (run by whoever
 * supplies the analyser, e.g. the viewer's worker).
 */
import type { AnalysedCalcification } from 'calcscribe/core';
import { calcificationSize } from 'calcscribe/core';
import type { CalibrationKind } from 'calcscribe/core';
import type { LeftOutDensity } from 'calcscribe/core';
import type { Result } from 'calcscribe/core';
import type { PointPx, RectPx } from 'calcscribe/core';

/** Where the radiologist asked for calcifications on one image (stored-image pixels). */
export type CalcificationTarget =
  | { readonly kind: 'seed'; readonly seed: PointPx }
  | { readonly kind: 'rectangle'; readonly rect: RectPx }
  | { readonly kind: 'lasso'; readonly polygon: readonly PointPx[] };

/** One calcification as the analysis found it, with the calibration its millimetres are in. */
export interface MeasuredCalcification extends AnalysedCalcification {
  readonly calibrationKind: CalibrationKind;
}

/**
 * What the analysis gives for a target: its calcifications, and what a rectangle or lasso found and
 * left out as tissue, which the region tool marks on the image.
 */
export interface AnalysedTarget {
  readonly calcifications: readonly MeasuredCalcification[];
  readonly leftOut: readonly LeftOutDensity[];
}

/** Runs segmentation + measurement for a target on the image with this Cornerstone imageId. */
export type CalcificationAnalyser = (imageId: string, target: CalcificationTarget) => Promise<Result<AnalysedTarget>>;

/** Data a calcification annotation carries beside Cornerstone's handles. */
export interface CalcificationData {
  readonly status: 'measuring' | 'measured' | 'failed';
  /** The clicked point in stored-image pixels. */
  readonly seed: PointPx;
  readonly calcification: MeasuredCalcification | null;
  /** The size shown beside the outline, with its calibration kind. */
  readonly label?: string | null;
  readonly message: string | null;
}

/** The size label beside an outline, e.g. "2.13 × 1.63 mm (magnification-corrected)": the core's calcificationSize, as after undo / redo. */
export function sizeLabel(c: MeasuredCalcification): string {
  return calcificationSize(c.measurements).label;
}
