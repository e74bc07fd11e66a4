/**
 * The small public entry for describing an image without analysing it: its header (size,
 * calibration, laterality, view, warnings) and the `info` contract. It loads the DICOM parser and
 * ingest but none of segment / measure / describe / assess / report, nor any codec, so a command
 * run over a whole folder starts fast. Everything here is also exported by index.ts.
 */
export { readMammogramHeader, type IngestOptions, type MammogramHeader } from './ingest/ingest-dicom.js';
export { imageInfo, calibrationJson, describeCalibration, type ImageInfo, type CalibrationJson } from './info.js';
export { CalcscribeFailure } from './result.js';
