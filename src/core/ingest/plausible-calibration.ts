/**
 * Bounds outside which a spacing in a mammography header is not believed. Each bound is data
 * with its source; read-calibration.ts ignores a value outside them (with a warning naming the
 * values) and takes the next source in its calibration order.
 */

export interface PlausibleRange {
  readonly min: number;
  readonly max: number;
  readonly source: string;
}

/**
 * Any spacing used for millimetres (Pixel Spacing, Imager Pixel Spacing), in mm per pixel.
 * Full-field detectors sample at 0.05–0.1 mm, computed-radiography mammography plates and film
 * digitisers at 0.04–0.1 mm; 0.02–0.5 mm leaves a wide margin on both sides while still refusing
 * values in the wrong unit (µm, cm) or copied from another attribute.
 * Source: DICOM PS3.3 C.8.11.7 (Mammography Image Module) and C.8.11.4 (DX Detector Module:
 * Imager Pixel Spacing is the physical detector pitch); IHE RAD TF-1 Mammography Image profile
 * (calibrated measurements on MG images).
 */
export const MAMMOGRAPHY_SPACING_MM: PlausibleRange = {
  min: 0.02,
  max: 0.5,
  source: 'DICOM PS3.3 C.8.11.7 / C.8.11.4; IHE Mammography Image profile: mammography pixel pitch 0.04–0.1 mm',
};

/**
 * Pixel Spacing ÷ Imager Pixel Spacing, per axis. Pixel Spacing in a projection radiograph is
 * Imager Pixel Spacing corrected to the breast for geometric magnification (or calibrated against
 * an object of known size), so the ratio is about 1 ÷ magnification. Contact views magnify 1.05–1.15 (ratio 0.87–0.95), magnification
 * views up to about 2.0 (ratio ≥ 0.5); 0.4 leaves room for a 2.5× geometry, and 1.05 for rounding
 * and a fiducial calibration a little above the detector pitch. Anything else is not magnification.
 * Source: DICOM PS3.3 C.8.11.7 (Mammography Image Module), C.8.11.4 and C.7.6.3.1 (Pixel Spacing
 * and Imager Pixel Spacing); IHE Mammography Image profile (magnification views); the ERMF range
 * in mammography-dicom.md (contact 1.05–1.15, magnification about 1.5–2.0).
 */
export const PIXEL_TO_IMAGER_SPACING_RATIO: PlausibleRange = {
  min: 0.4,
  max: 1.05,
  source: 'DICOM PS3.3 C.8.11.7 / C.8.11.4 / C.7.6.3.1; IHE Mammography Image profile: magnification 1.05–2.0',
};

/**
 * Estimated Radiographic Magnification Factor (0018,1114), or Distance Source to Detector ÷
 * Distance Source to Patient when there is no ERMF. The breast lies between the focal spot and
 * the detector, so the factor cannot be below 1. Contact views magnify about 1.0–1.2 (the breast's
 * central plane a few centimetres above a detector 65–70 cm from the focal spot; the real GE
 * Senographe image in test-data/real-mg writes 1.0); magnification views use stands of about
 * 1.5–2.0× (commonly 1.5× and 1.8×). 2.5 leaves a margin above the largest stand and matches the
 * 0.4 lower bound of PIXEL_TO_IMAGER_SPACING_RATIO. A factor outside is not a mammography
 * geometry (a wrong unit, SID and SOD swapped or copied from another attribute).
 * Source: DICOM PS3.3 C.8.11.7 (Mammography Image Module: ERMF) and C.8.7.8 / C.8.11.5
 * (Distance Source to Detector / to Patient); ACR Mammography Quality Control Manual
 * (magnification 1.5–2.0×); mammography-dicom.md (contact 1.05–1.15, magnification 1.5–2.0).
 */
export const MAGNIFICATION_FACTOR: PlausibleRange = {
  min: 1,
  max: 2.5,
  source: 'geometry (object between focal spot and detector: ≥ 1); ACR Mammography QC Manual and vendor conformance statements: contact 1.0–1.2, magnification views 1.5–2.0',
};

/** Relative tolerance for comparing decimal strings from a header with a bound. */
const EDGE = 1e-9;

/** True when `value` lies within the range, its edges included. */
export function withinRange(value: number, range: PlausibleRange): boolean {
  return value >= range.min * (1 - EDGE) && value <= range.max * (1 + EDGE);
}
