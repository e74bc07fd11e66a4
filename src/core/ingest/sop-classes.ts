/**
 * Storage SOP classes (PS3.4 Annex B) that ingest recognises, and how each is treated:
 * 'mammography' is accepted, 'projection-radiograph' (DX / CR) and 'secondary-capture' (e.g. a
 * digitised film) only when the header shows a breast, 'tomosynthesis' only when single-frame,
 * 'other' is refused with its name.
 */
export type SopClassRole = 'mammography' | 'projection-radiograph' | 'secondary-capture' | 'tomosynthesis' | 'other';

export interface SopClass {
  readonly uid: string;
  readonly name: string;
  readonly role: SopClassRole;
}

const TABLE: readonly SopClass[] = [
  { uid: '1.2.840.10008.5.1.4.1.1.1.2', name: 'Digital Mammography X-Ray Image Storage – For Presentation', role: 'mammography' },
  { uid: '1.2.840.10008.5.1.4.1.1.1.2.1', name: 'Digital Mammography X-Ray Image Storage – For Processing', role: 'mammography' },
  { uid: '1.2.840.10008.5.1.4.1.1.1', name: 'Computed Radiography Image Storage', role: 'projection-radiograph' },
  { uid: '1.2.840.10008.5.1.4.1.1.1.1', name: 'Digital X-Ray Image Storage – For Presentation', role: 'projection-radiograph' },
  { uid: '1.2.840.10008.5.1.4.1.1.1.1.1', name: 'Digital X-Ray Image Storage – For Processing', role: 'projection-radiograph' },
  { uid: '1.2.840.10008.5.1.4.1.1.13.1.3', name: 'Breast Tomosynthesis Image Storage', role: 'tomosynthesis' },
  { uid: '1.2.840.10008.5.1.4.1.1.13.1.4', name: 'Breast Projection X-Ray Image Storage – For Presentation', role: 'tomosynthesis' },
  { uid: '1.2.840.10008.5.1.4.1.1.13.1.5', name: 'Breast Projection X-Ray Image Storage – For Processing', role: 'tomosynthesis' },
  { uid: '1.2.840.10008.5.1.4.1.1.2', name: 'CT Image Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.2.1', name: 'Enhanced CT Image Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.4', name: 'MR Image Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.4.1', name: 'Enhanced MR Image Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.6.1', name: 'Ultrasound Image Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.3.1', name: 'Ultrasound Multi-frame Image Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.7', name: 'Secondary Capture Image Storage', role: 'secondary-capture' },
  { uid: '1.2.840.10008.5.1.4.1.1.7.2', name: 'Multi-frame Grayscale Byte Secondary Capture Image Storage', role: 'secondary-capture' },
  { uid: '1.2.840.10008.5.1.4.1.1.7.3', name: 'Multi-frame Grayscale Word Secondary Capture Image Storage', role: 'secondary-capture' },
  { uid: '1.2.840.10008.5.1.4.1.1.20', name: 'Nuclear Medicine Image Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.128', name: 'Positron Emission Tomography Image Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.12.1', name: 'X-Ray Angiographic Image Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.481.1', name: 'RT Image Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.88.50', name: 'Mammography CAD SR Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.88.33', name: 'Comprehensive SR Storage', role: 'other' },
  { uid: '1.2.840.10008.5.1.4.1.1.88.22', name: 'Enhanced SR Storage', role: 'other' },
];

const BY_UID = new Map(TABLE.map((s) => [s.uid, s]));

/** Looks up a SOP class; unknown UIDs are 'other' and named by their UID. */
export function sopClass(uid: string): SopClass {
  return BY_UID.get(uid) ?? { uid, name: `SOP class ${uid}`, role: 'other' };
}
