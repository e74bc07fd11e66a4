/**
 * Coded views and view modifiers of mammography images.
 *
 * Views: DICOM PS3.16 CID 4014 "View for Mammography"; modifiers: CID 4015 "View Modifier for
 * Mammography". Each concept lists its SNOMED CT code (scheme SCT) and the legacy SNOMED RT code
 * (scheme SRT) that older files still carry.
 */
import type { MammoView, ViewModifier } from '../image.js';

export interface CodedConcept<T> {
  readonly value: T | null;
  readonly sct: string;
  readonly srt: string;
  readonly meaning: string;
  /** The ACR MQCM 1999 abbreviation used in View Position (0018,5101). */
  readonly abbreviation: string;
}

/** CID 4014 View for Mammography. `value` null: a view the pipeline does not name. */
export const MAMMOGRAPHY_VIEW_CODES: readonly CodedConcept<MammoView>[] = [
  { value: 'ML', sct: '399260004', srt: 'R-10224', meaning: 'medio-lateral', abbreviation: 'ML' },
  { value: 'MLO', sct: '399368009', srt: 'R-10226', meaning: 'medio-lateral oblique', abbreviation: 'MLO' },
  { value: 'LM', sct: '399352003', srt: 'R-10228', meaning: 'latero-medial', abbreviation: 'LM' },
  { value: 'LMO', sct: '399099002', srt: 'R-10230', meaning: 'latero-medial oblique', abbreviation: 'LMO' },
  { value: 'CC', sct: '399162004', srt: 'R-10242', meaning: 'cranio-caudal', abbreviation: 'CC' },
  { value: 'FB', sct: '399196006', srt: 'R-10244', meaning: 'caudo-cranial (from below)', abbreviation: 'FB' },
  { value: 'SIO', sct: '399188001', srt: 'R-102D0', meaning: 'superolateral to inferomedial oblique', abbreviation: 'SIO' },
  { value: null, sct: '441555000', srt: 'R-40AAA', meaning: 'inferomedial to superolateral oblique', abbreviation: 'ISO' },
  { value: 'XCCL', sct: '399192008', srt: 'R-1024A', meaning: 'cranio-caudal exaggerated laterally', abbreviation: 'XCCL' },
  { value: 'XCCM', sct: '399101009', srt: 'R-1024B', meaning: 'cranio-caudal exaggerated medially', abbreviation: 'XCCM' },
  { value: null, sct: '127457009', srt: 'G-8310', meaning: 'tissue specimen from breast', abbreviation: 'SPECIMEN' },
];

/** CID 4015 View Modifier for Mammography. `value` null: a modifier the pipeline does not name. */
export const MAMMOGRAPHY_VIEW_MODIFIER_CODES: readonly CodedConcept<ViewModifier>[] = [
  { value: 'cleavage', sct: '399161006', srt: 'R-102D2', meaning: 'cleavage', abbreviation: 'CV' },
  { value: null, sct: '399011000', srt: 'R-102D1', meaning: 'axillary tail', abbreviation: 'AT' },
  { value: 'rolled-lateral', sct: '399197002', srt: 'R-102D3', meaning: 'rolled lateral', abbreviation: 'RL' },
  { value: 'rolled-medial', sct: '399226006', srt: 'R-102D4', meaning: 'rolled medial', abbreviation: 'RM' },
  { value: null, sct: '414493004', srt: 'R-102CA', meaning: 'rolled inferior', abbreviation: 'RI' },
  { value: null, sct: '415670009', srt: 'R-102C9', meaning: 'rolled superior', abbreviation: 'RS' },
  { value: 'implant-displaced', sct: '399209000', srt: 'R-102D5', meaning: 'implant displaced', abbreviation: 'ID' },
  { value: 'magnification', sct: '399163009', srt: 'R-102D6', meaning: 'magnification', abbreviation: 'M' },
  { value: 'spot-compression', sct: '399055006', srt: 'R-102D7', meaning: 'spot compression', abbreviation: 'S' },
  { value: 'tangential', sct: '399110001', srt: 'R-102C2', meaning: 'tangential', abbreviation: 'TAN' },
  { value: null, sct: '442581004', srt: 'R-40AB3', meaning: 'nipple in profile', abbreviation: 'NP' },
  { value: null, sct: '441752004', srt: 'P2-00161', meaning: 'anterior compression', abbreviation: 'AC' },
  { value: null, sct: '442593008', srt: 'R-40ABE', meaning: 'infra-mammary fold', abbreviation: 'IMF' },
  { value: null, sct: '442580003', srt: 'R-40AB2', meaning: 'axillary tissue', abbreviation: 'AX' },
];

/** View Position (0018,5101) strings that name a view directly (ACR MQCM 1999 abbreviations). */
export const VIEW_POSITION_VIEWS: Readonly<Record<string, MammoView>> = {
  CC: 'CC',
  MLO: 'MLO',
  ML: 'ML',
  LM: 'LM',
  LMO: 'LMO',
  XCCL: 'XCCL',
  XCCM: 'XCCM',
  FB: 'FB',
  SIO: 'SIO',
  AT: 'AT',
  CV: 'CV',
};

/** Finds a coded concept by code value and scheme (SCT, SRT, or the older SNM3 for SRT codes). */
export function findCode<T>(
  table: readonly CodedConcept<T>[],
  codeValue: string,
  scheme: string | null,
): CodedConcept<T> | null {
  const s = (scheme ?? '').toUpperCase();
  for (const c of table) {
    if (codeValue === c.sct && (s === 'SCT' || s === '')) return c;
    if (codeValue === c.srt && (s === 'SRT' || s === 'SNM3' || s === '')) return c;
  }
  return null;
}
