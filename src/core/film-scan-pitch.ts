/**
 * The scan pitches digitised mammography film comes at, for an image without a pixel spacing: from
 * 0.042 mm (DDSM's Howtek scanner; Heath et al., Proc. IWDM 2000) to 0.2 mm (mini-MIAS, the MIAS
 * films reduced to 200 µm pixels; Suckling et al. 1994). The describe rules decide a millimetre
 * threshold only where it holds at every pitch of this range (describe/film-pitch.ts); segmentation
 * reads its largest patch at the finest one (segment/segment-at-seed.ts).
 */
export const FILM_SCAN_PITCH_MM = { min: 0.042, max: 0.2 } as const;
