/**
 * Rules, as data, for putting calcifications together and for the shape of a group.
 *
 * BI-RADS (5th ed.) calls calcifications "grouped" when a few lie in a small volume: about five
 * within 1 cm at the lower bound, all within 2 cm at the upper. Single-linkage with a 5 mm gap
 * keeps a 1 cm group of five together (their neighbours are a few mm apart) while two groups
 * more than 5 mm apart stay separate; a chain may still grow beyond 2 cm, which is how linear
 * and segmental distributions show themselves.
 */
export const GROUPING_RULE = {
  /** Two calcifications whose centres are this close or closer belong to the same group (mm). */
  maxGapMm: 5,
  /** The same gap in pixels, used only when the image is uncalibrated (0.1 mm pixels assumed). */
  maxGapPxUncalibrated: 50,
} as const;

/**
 * A group is a wedge (a segment: triangular, apex toward the nipple) when, with at least
 * `minCount` calcifications to judge from, it has a main axis (linearity at least
 * `minLinearity`: a round cloud has none) that points at the nipple (within `maxAxisToNippleDeg`)
 * and it widens away from the
 * nipple: the spread across the nipple direction in its far half is at least `minSpreadRatio`
 * times that of its near half, or the distance from the group's midline grows with the distance
 * from the nipple (correlation at least `minWideningCorrelation`).
 */
export const WEDGE_RULE = {
  minCount: 6,
  minLinearity: 0.2,
  maxAxisToNippleDeg: 30,
  minSpreadRatio: 1.5,
  minWideningCorrelation: 0.3,
} as const;
