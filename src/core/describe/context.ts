import type { MammoView, ViewModifier } from '../image.js';

/** What describe needs to know about the image a calcification was measured on. */
export interface DescribeContext {
  /** The view the measurements come from; null when unknown. */
  readonly view?: MammoView | null;
  readonly viewModifiers?: readonly ViewModifier[];
}

/** What describeDistribution needs beyond the group's own measurements. */
export interface DistributionContext extends DescribeContext {
  /** Area of the breast on the same image, mm² (calibrated images). */
  readonly breastAreaMm2?: number | null;
  /** Area of the breast on the same image, px² (any image). */
  readonly breastAreaPx2?: number | null;
}
