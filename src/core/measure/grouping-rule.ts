/**
 * Rules, as data, for putting calcifications together and for the shape of a group.
 *
 * GROUPING_RULE: ACR BI-RADS Atlas, 5th ed. (2013), mammography, calcifications, distribution:
 * "grouped" is a few calcifications in a small tissue volume — "the lower limit for use of this
 * descriptor is usually when 5 calcifications are grouped within 1 cm of each other … the upper
 * limit … when larger numbers of calcifications are grouped within 2 cm of each other". A click
 * joins the finding whose nearest calcification on the same image is within 1 cm, as long as the
 * finding's extent on that image stays within 2 cm; beyond that it starts a finding of its own
 * (the radiologist merges by hand a distribution wider than a group, e.g. segmental or linear).
 */
export const GROUPING_RULE = {
  /** A calcification joins a finding with a calcification this close (centre to centre) or closer on the same image (mm). */
  maxGapMm: 10,
  /** …as long as the finding's extent on that image (largest centre-to-centre distance) stays within this (mm). */
  maxExtentMm: 20,
  /** The same distances in pixels, used only when the image is uncalibrated (0.1 mm pixels assumed). */
  maxGapPxUncalibrated: 100,
  maxExtentPxUncalibrated: 200,
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
