/**
 * One calcification as a TID 1501 Measurement Group, written the way @cornerstonejs/adapters
 * writes a PlanarFreehandROI annotation (so that OHIF loads the outline): its tracking
 * identifier, the long axis (NUM) inferred from the outline (SCOORD closed POLYLINE selected from
 * the MG image), the area, and calcscribe's own items: the calcification's id, seed, whether the
 * outline was edited, the calibration kind, and the calcification as the draft holds it (exact).
 */
import { SR_CALIBRATION_CODES, SR_CODES, SR_LATERALITY_CODES, SR_PRIVATE_CODES, SR_UNITS, FINDING_CODES } from '../../codes.js';
import type { DraftCalcification, DraftImage } from '../../draft/exam-draft.js';
import { sideOfImage } from '../../draft/draft-lookup.js';
import { codeValue, container, imageRef, numValue, scoordValue, textValue, uidValue, type ContentItem } from './content-items.js';
import type { Side } from '../../lexicon.js';
import type { SrImageHeader } from './sr-options.js';
import { utJson } from './sr-text.js';
import { contourToBase64 } from './contour-record.js';

/** The Tracking Identifier @cornerstonejs/adapters gives a freehand outline (Cornerstone3DTools PlanarFreehandROI). */
export const OUTLINE_TRACKING_IDENTIFIER = 'Cornerstone3DTools@^0.1.0:PlanarFreehandROI';

/** The finding site: the breast, with its side when known. */
export function findingSite(side: Side | null): ContentItem {
  return codeValue('HAS CONCEPT MOD', SR_CODES['finding site'], SR_CODES.breast, side === null ? [] : [codeValue('HAS CONCEPT MOD', SR_CODES.laterality, SR_LATERALITY_CODES[side])]);
}

export function calcificationGroup(c: DraftCalcification, image: DraftImage, header: SrImageHeader, trackingUid: string): ContentItem {
  const m = c.measurements;
  const calibrated = m.calibration !== 'uncalibrated' && m.longAxis.mm !== null && m.area.mm2 !== null;
  const ref = imageRef('SELECTED FROM', header.sopClassUid, header.sopInstanceUid);
  const outline = scoordValue('INFERRED FROM', SR_CODES['image region'], 'closed polyline', c.contour, ref);
  const longAxis = calibrated ? numValue('CONTAINS', SR_CODES['long axis'], m.longAxis.mm ?? 0, SR_UNITS.mm, [outline]) : numValue('CONTAINS', SR_CODES['long axis'], m.longAxis.px, SR_UNITS.px, [outline]);
  // Each NUM names the outline it is inferred from, as Cornerstone's own SRs do: OHIF reads a
  // top-level NUM of a group without a top-level SCOORD as a measurement drawn from its SCOORD.
  const area = calibrated ? numValue('CONTAINS', SR_CODES.area, m.area.mm2 ?? 0, SR_UNITS.mm2, [outline]) : numValue('CONTAINS', SR_CODES.area, m.area.px2, SR_UNITS.px2, [outline]);
  return container('CONTAINS', SR_CODES['measurement group'], [
    textValue('HAS OBS CONTEXT', SR_CODES['tracking identifier'], OUTLINE_TRACKING_IDENTIFIER),
    uidValue('HAS OBS CONTEXT', SR_CODES['tracking uid'], trackingUid),
    textValue('HAS OBS CONTEXT', SR_PRIVATE_CODES['calcification identifier'], c.id),
    codeValue('CONTAINS', SR_CODES.finding, FINDING_CODES['individual calcification']),
    findingSite(image.laterality === null ? null : sideOfImage(image)),
    longAxis,
    area,
    codeValue('CONTAINS', SR_PRIVATE_CODES['calibration kind'], SR_CALIBRATION_CODES[m.calibration]),
    // The seed the outline was grown from stands under the outline origin, not beside the outline:
    // OHIF draws a group's first top-level SCOORD, which must be the outline (under Long Axis).
    codeValue('CONTAINS', SR_PRIVATE_CODES['outline origin'], c.edited ? SR_PRIVATE_CODES['edited by radiologist'] : SR_PRIVATE_CODES.segmented, [
      scoordValue('INFERRED FROM', SR_PRIVATE_CODES['seed point'], 'point', [c.seed], imageRef('SELECTED FROM', header.sopClassUid, header.sopInstanceUid)),
    ]),
    // The SCOORDs above are 32-bit floats (FL) shifted to pixel corners, and the NUMs DS: this record keeps the draft's own numbers exactly (JSON; the outline's points as base64 doubles), for a reader to rebuild the draft.
    textValue('CONTAINS', SR_PRIVATE_CODES['calcification record'], utJson({ imageId: c.imageId, seed: c.seed, contourF64: contourToBase64(c.contour), measurements: m })),
  ]);
}
