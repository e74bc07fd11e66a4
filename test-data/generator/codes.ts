/**
 * The coded concepts a phantom's header carries, each with the PS3.16 context group it comes
 * from. Kept here (test-data) so the generator does not depend on the product's code tables.
 */
import type { PhantomView } from './breast-model.js';

export interface CodedConcept {
  readonly CodeValue: string;
  readonly CodingSchemeDesignator: string;
  readonly CodeMeaning: string;
}

/** CID 4014 (View for Mammography). */
export const VIEW_CODES: Record<PhantomView, CodedConcept> = {
  CC: { CodeValue: '399162004', CodingSchemeDesignator: 'SCT', CodeMeaning: 'cranio-caudal' },
  MLO: { CodeValue: '399368009', CodingSchemeDesignator: 'SCT', CodeMeaning: 'medio-lateral oblique' },
  ML: { CodeValue: '399260004', CodingSchemeDesignator: 'SCT', CodeMeaning: 'medio-lateral' },
};

/** CID 4015 (View Modifier for Mammography): magnification. */
export const MAGNIFICATION_MODIFIER: CodedConcept = {
  CodeValue: '399163009', CodingSchemeDesignator: 'SCT', CodeMeaning: 'magnification',
};

/** CID 4013 (Anatomic Region for Mammography): breast. */
export const BREAST_REGION: CodedConcept = {
  CodeValue: '76752008', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Breast',
};

/** PS3.4 Digital Mammography X-Ray Image Storage — For Presentation. */
export const MG_FOR_PRESENTATION_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.1.2';
