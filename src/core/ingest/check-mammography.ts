/**
 * Decides whether an image is a mammogram the pipeline may analyse, from its SOP class (first)
 * and modality: MG is accepted; DX / CR only with Body Part Examined BREAST (with a warning);
 * breast tomosynthesis only as a single frame; everything else is refused, naming what it is.
 */
import type { DataSet } from 'dicom-parser';
import { err, ok, type Result } from '../result.js';
import { clip } from './clean-text.js';
import { readText } from './dataset-values.js';
import { TAG } from './dicom-tags.js';
import { sopClass } from './sop-classes.js';

export interface MammographyCheck {
  readonly modality: string;
  readonly sopClassUid: string;
  /** 'FOR PRESENTATION' / 'FOR PROCESSING' implied by the SOP class, when it implies one. */
  readonly impliedIntent: string | null;
  readonly warnings: readonly string[];
}

/** Accepts or refuses an image as a mammogram; `frames` is Number of Frames (1 when absent). */
export function checkMammography(ds: DataSet, frames: number): Result<MammographyCheck> {
  const modality = readText(ds, TAG.Modality)?.toUpperCase() ?? '';
  const uid = readText(ds, TAG.SOPClassUID) ?? '';
  const warnings: string[] = [];
  const sop = uid === '' ? null : sopClass(uid);
  const label = `${modality === '' ? 'unknown-modality' : clip(modality, 16)} image (${clip(sop?.name ?? 'no SOP Class UID', 96)})`;
  const intent = sop?.name.endsWith('For Processing') ? 'FOR PROCESSING' : sop?.name.endsWith('For Presentation') ? 'FOR PRESENTATION' : null;
  const accepted = (): Result<MammographyCheck> => ok({ modality, sopClassUid: uid, impliedIntent: intent, warnings });

  const role = sop?.role ?? (modality === 'MG' ? 'mammography' : 'other');
  if (frames > 1) {
    return err(
      'unsupported-image',
      `${label} has ${frames} frames (e.g. tomosynthesis slices): only single-frame images are supported`,
    );
  }
  switch (role) {
    case 'mammography':
      if (sop === null) warnings.push('no SOP Class UID: accepted as a mammogram because Modality is MG');
      else if (modality !== 'MG') warnings.push(`${label}: Modality is not MG`);
      return accepted();
    case 'tomosynthesis':
      warnings.push(`${label}: single tomosynthesis frame analysed as a projection`);
      return accepted();
    case 'projection-radiograph': {
      const bodyPart = readText(ds, TAG.BodyPartExamined)?.toUpperCase() ?? null;
      if (bodyPart === 'BREAST') {
        warnings.push(`${label} with Body Part Examined BREAST: accepted as a mammogram`);
        return accepted();
      }
      return err(
        'not-mammography',
        `${label}, not a mammogram (Body Part Examined ${bodyPart === null ? 'absent' : clip(bodyPart, 16)}, not BREAST)`,
      );
    }
    case 'other':
      return err('not-mammography', `${label}, not a mammogram`);
  }
}
