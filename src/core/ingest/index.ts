/** Ingest: DICOM bytes → MammoImage (pixels, calibration, laterality / view, metadata). */
export { ingestDicom, ingestUncompressed, readMammogramHeader, type IngestOptions, type MammogramHeader } from './ingest-dicom.js';
export { parseDicomBytes, readDicomBytes, type Inflate, type ParsedDicom } from './parse-dicom-bytes.js';
export {
  readCalibration,
  readCalibrationAttributes,
  decideCalibration,
  type CalibrationAttributes,
  type CalibrationReading,
} from './read-calibration.js';
export { readViewAndLaterality, viewFromPatientOrientation, type ViewAndLaterality } from './read-view-and-laterality.js';
export { readDescriptiveMetadata, readWindows, type DescriptiveMetadata } from './read-metadata.js';
export { parseAgeString, ageFromDates, patientAgeYears } from './read-patient-age.js';
export { checkMammography, type MammographyCheck } from './check-mammography.js';
export { readPixelFormat, readNumberOfFrames, DEFAULT_MAX_PIXEL_BYTES, type PixelFormat } from './read-pixel-format.js';
export { transferSyntax, type TransferSyntax, type PixelEncoding } from './transfer-syntaxes.js';
export { sopClass, type SopClass, type SopClassRole } from './sop-classes.js';
export { decodeRleFrame } from './decode-rle.js';
// Types only: the decoders themselves (decode-compressed-frame.ts and the codec packages) are
// imported by ingest-dicom.ts when a frame of their transfer syntax is met, never at start-up.
export type { FrameDecoder, FrameDecoders, DecodedFrame, CompressedEncoding } from './decode-compressed-frame.js';
export { findCode, MAMMOGRAPHY_VIEW_CODES, MAMMOGRAPHY_VIEW_MODIFIER_CODES, VIEW_POSITION_VIEWS, type ViewCodeEntry } from './view-codes.js';
export { cleanText } from './clean-text.js';
