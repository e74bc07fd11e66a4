/**
 * QIDO-RS instance search of one study → InstanceRef[]. The answer must be a JSON array of data
 * sets; UIDs are kept as sent (retrieveInstance refuses one that is not a DICOM UID, so the caller
 * can say which instance could not be fetched instead of silently missing it).
 */
import { ok } from '../core/result.js';
import { TAG } from './dicomweb-tags.js';
import { isDataset, textValue, uidValue } from './dicom-json.js';
import { pacsError, type InstanceRef, type PacsResult } from './pacs-types.js';
import { describeJson } from './study-summary.js';

/** Attributes asked for beyond QIDO-RS's defaults for an instance (PS3.18 Table 6.7.1-2b). */
export const INSTANCE_INCLUDE_FIELDS = [TAG.SeriesInstanceUID, TAG.Modality, TAG.InstanceNumber].join(',');

export function parseInstances(json: unknown): PacsResult<InstanceRef[]> {
  if (!Array.isArray(json)) {
    return pacsError('malformed', `the instance search answer is not DICOM JSON (expected a JSON array, got ${describeJson(json)})`);
  }
  const bad = json.findIndex((item) => !isDataset(item));
  if (bad >= 0) {
    return pacsError('malformed', `the instance search answer is not DICOM JSON (entry ${bad + 1} of ${json.length} is ${describeJson(json[bad])}, not a data set)`);
  }
  return ok(
    json.map((ds) => ({
      seriesInstanceUid: uidValue(ds, TAG.SeriesInstanceUID),
      sopInstanceUid: uidValue(ds, TAG.SOPInstanceUID),
      sopClassUid: uidValue(ds, TAG.SOPClassUID),
      modality: textValue(ds, TAG.Modality, 16),
    })),
  );
}
