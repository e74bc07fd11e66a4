import type { Area, PointPx } from '../units.js';

/** The image edge the chest wall lies on (the breast touches it along most of its length). */
export type ChestWallEdge = 'left' | 'right' | 'top' | 'bottom';

/** A straight line on the stored image, from p0 to p1 (pixels). */
export interface LinePx {
  readonly p0: PointPx;
  readonly p1: PointPx;
}

/** Where the chest-wall edge came from. */
export type ChestWallSource =
  | 'image'
  | 'image, confirmed by patient orientation'
  | 'patient orientation';

/** Where the nipple position came from. */
export type NippleSource = 'detected' | 'marker';

/**
 * The breast as found on one image: everything the location of a finding is measured against.
 * Points are stored-image pixels (x = column, y = row).
 */
export interface BreastGeometry {
  readonly chestWallEdge: ChestWallEdge;
  readonly nipple: PointPx;
  /** The skin line, ordered along the chest wall from one end to the other; absent with no detection. */
  readonly skinContour?: readonly PointPx[];
  /** Area of the breast on the image (projected), px² always, mm² when calibrated. */
  readonly breastArea: Area;
  /** The anterior edge of the pectoral muscle on MLO / ML views; null when not seen or not looked for. */
  readonly pectoralLine: LinePx | null;
  readonly source: {
    readonly chestWall: ChestWallSource;
    readonly nipple: NippleSource;
  };
  /**
   * For a detected nipple: true when it was seen in profile (a narrow front lobe of the skin line, or
   * a protrusion of nipple size from a smooth front),
   * false when it was not and the most anterior skin point stands for it. Absent for a marker.
   */
  readonly nippleInProfile?: boolean;
  /** Density level that separated breast from background (for reuse by later stages). */
  readonly breastThreshold: number;
  readonly warnings: readonly string[];
}
