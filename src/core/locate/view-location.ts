import type { MammoView } from '../image.js';
import type { Side } from '../lexicon.js';
import type { Length } from '../units.js';
import type { Depth } from './location.js';
import type { ViewAxis } from './view-axis.js';

/** Where a finding lies relative to the nipple axis in one view. */
export type AxisSide = 'lateral' | 'medial' | 'upper' | 'lower' | 'on axis';

/** What one image tells about a finding's position. */
export interface ViewLocation {
  readonly side: Side | null;
  readonly view: MammoView | null;
  /** The axis the view separates (medial–lateral on CC, upper–lower on MLO / ML); null when unknown. */
  readonly axis: ViewAxis | null;
  /**
   * Offset across the nipple axis, positive toward lateral (CC) or up (MLO / ML); null when the
   * direction on the image is unknown (no laterality, or no orientation for that axis).
   */
  readonly offset: Length | null;
  /** The offset as a fraction of the posterior nipple line (for combining uncalibrated views). */
  readonly offsetFraction: number | null;
  readonly axisSide: AxisSide | null;
  /** Distance behind the nipple along the posterior nipple line. */
  readonly behindNipple: Length;
  /** Length of the posterior nipple line. */
  readonly posteriorNippleLine: Length;
  /** behindNipple / posteriorNippleLine (0 at the nipple, 1 at the chest wall). */
  readonly depthFraction: number;
  readonly depth: Depth;
  readonly distanceFromNipple: Length;
  /** Distance from the nipple in cm; null when uncalibrated. */
  readonly distanceFromNippleCm: number | null;
  /** Within the axillary-tail distance of the pectoral line; null when the line is unknown. */
  readonly nearPectoral: boolean | null;
  /**
   * How far up the pectoral line the finding projects: 0 at the foot of the posterior nipple
   * line, 1 at the line's head end (toward the axilla); null when the line is unknown.
   */
  readonly upThePectoral: number | null;
  readonly evidence: readonly string[];
  /**
   * What the reader must know to trust this view's location, stated once with the location and in
   * the report (e.g. the nipple not seen in profile); also in `evidence`.
   */
  readonly caveats: readonly string[];
}
