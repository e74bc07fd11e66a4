/** Thresholds for naming a finding's location, as data (reviewable without reading code). */
export const LOCATION_RULES = {
  /**
   * Behind the nipple (on its axis in both views): subareolar (retroareolar) in these depth thirds,
   * central deeper. ACR BI-RADS Atlas 5th ed., location of lesion: retroareolar = behind the
   * nipple at anterior depth; central = behind the nipple at middle or posterior depth.
   */
  subareolarDepths: ['anterior'] as readonly string[],
  /** On the nipple axis: offset across the axis no larger than this (mm) when calibrated … */
  nearAxisMm: 10,
  /** … or this fraction of the posterior nipple line when uncalibrated. */
  nearAxisFraction: 0.1,
  /** Near the pectoral muscle (axillary tail): within this distance of the pectoral line (mm) … */
  nearPectoralMm: 20,
  /** … or this fraction of the posterior nipple line when uncalibrated. */
  nearPectoralFraction: 0.15,
  /** … and projecting at least this far up the pectoral line toward the axilla (0 = PNL foot, 1 = head end). */
  axillaryTailMinUpThePectoral: 0.5,
  /** Depth thirds along the posterior nipple line: below the first → anterior, below the second → middle. */
  depthThirds: [1 / 3, 2 / 3],
} as const;
