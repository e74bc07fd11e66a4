/**
 * QIDO-RS instance search of one study → InstanceRef[]. The answer must be a JSON array of data
 * sets; UIDs are kept as sent (retrieveInstance refuses one that is not a DICOM UID, so the caller
 * can say which instance could not be fetched instead of silently missing it). Published as
 * calcscribe/dicomweb-json: the OHIF panel reads its data source's instance search with it.
 */
import { ok } from '../core/result.js';
import { TAG } from './dicomweb-tags.js';
import { datasetsOf, isDicomUid, textValue, uidValue } from './dicom-json.js';
import type { InstanceRef, PacsResult } from './pacs-types.js';

export type { InstanceRef, PacsResult };
export { isDicomUid };

/** Attributes asked for beyond QIDO-RS's defaults for an instance (PS3.18 Table 6.7.1-2b). */
export const INSTANCE_INCLUDE_FIELDS = [TAG.SeriesInstanceUID, TAG.Modality, TAG.InstanceNumber].join(',');

export function parseInstances(json: unknown): PacsResult<InstanceRef[]> {
  const datasets = datasetsOf(json, 'instance search');
  if (!datasets.ok) return datasets;
  return ok(
    datasets.value.map((ds) => ({
      seriesInstanceUid: uidValue(ds, TAG.SeriesInstanceUID),
      sopInstanceUid: uidValue(ds, TAG.SOPInstanceUID),
      sopClassUid: uidValue(ds, TAG.SOPClassUID),
      modality: textValue(ds, TAG.Modality, 16),
    })),
  );
}
