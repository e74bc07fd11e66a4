/**
 * Decides whether an image is a mammogram the pipeline may analyse, from its SOP class (first)
 * and modality: MG is accepted; DX / CR and Secondary Capture (digitised film, e.g. a prior
 * screen-film mammogram) only when the header shows a breast — Body Part Examined BREAST, or a
 * coded or named mammography view with a laterality — with a warning; breast tomosynthesis only
 * as a single frame; everything else is refused, naming what it is.
 */
import type { DataSet } from 'dicom-parser';
import { err, ok, type Result } from '../result.js';
import { clip } from './clean-text.js';
import { readText } from './dataset-values.js';
import { TAG } from './dicom-tags.js';
import type { ViewAndLaterality } from './read-view-and-laterality.js';
import { sopClass } from './sop-classes.js';

export interface MammographyCheck {
  readonly modality: string;
  readonly sopClassUid: string;
  /** 'FOR PRESENTATION' / 'FOR PROCESSING' implied by the SOP class, when it implies one. */
  readonly impliedIntent: string | null;
  readonly warnings: readonly string[];
}

/**
 * What in the header says the image shows a breast, in words, or null: Body Part Examined
 * BREAST, else — when no body part is stated — a view from the View Code Sequence or View
 * Position together with a laterality (Patient Orientation alone is not enough). Another body
 * part stated is taken at its word.
 */
function breastEvidence(bodyPart: string | null, view: Pick<ViewAndLaterality, 'view' | 'viewSource' | 'laterality'>): string | null {
  if (bodyPart === 'BREAST') return 'Body Part Examined BREAST';
  if (bodyPart !== null) return null;
  if (view.view !== null && view.laterality !== null && (view.viewSource === 'view-code-sequence' || view.viewSource === 'view-position')) {
    return `a mammography view (${view.laterality} ${view.view})`;
  }
  return null;
}

/**
 * Accepts or refuses an image as a mammogram; `frames` is Number of Frames (1 when absent),
 * `view` what read-view-and-laterality found in the same header.
 */
export function checkMammography(
  ds: DataSet,
  frames: number,
  view: Pick<ViewAndLaterality, 'view' | 'viewSource' | 'laterality'>,
): Result<MammographyCheck> {
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
    case 'projection-radiograph':
    case 'secondary-capture': {
      const bodyPart = readText(ds, TAG.BodyPartExamined)?.toUpperCase() ?? null;
      const evidence = breastEvidence(bodyPart, view);
      if (evidence !== null) {
        warnings.push(
          role === 'secondary-capture'
            ? `${label} with ${evidence}: accepted as a digitised film mammogram (secondary capture, not a digital mammogram)`
            : `${label} with ${evidence}: accepted as a mammogram`,
        );
        return accepted();
      }
      return err(
        'not-mammography',
        `${label}, not a mammogram (${
          bodyPart === null ? 'no Body Part Examined, and no mammography view with a laterality' : `Body Part Examined ${clip(bodyPart, 16)}, not BREAST`
        })`,
      );
    }
    case 'other':
      return err('not-mammography', `${label}, not a mammogram`);
  }
}
