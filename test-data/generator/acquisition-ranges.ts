/**
 * The ranges of real mammography systems the phantom's acquisition is drawn from, each with its
 * source. Where a figure could not be confirmed against a publication it says so.
 *
 * Units: pixel sizes and blur in mm at the detector; noise on the phantom's display scale, where
 * 1.0 is about one natural-log unit of X-ray transmission (calcium's attenuation is drawn at
 * 3 /mm on that scale, close to hydroxyapatite's ≈ 2.9 /mm at 20 keV), so a relative quantum
 * fluctuation σ_N/N of the detector signal is the same number on the display scale.
 */

export interface RangeMm {
  readonly min: number;
  readonly max: number;
}

/**
 * Detector pixel pitches of full-field digital mammography (FFDM), mm.
 * - Fujifilm Amulet (a-Se, optical switching): 0.05 — vendor specification (not confirmed by lookup here).
 * - Hologic Selenia / Dimensions (a-Se): 0.07 — Hologic, as quoted in vendor comparisons; also the
 *   Siemens Mammomat Novation DR has 70 µm (Hoheisel et al., IEEE NSS 2004, "MTF of a selenium-based
 *   digital mammography system").
 * - Siemens Mammomat Inspiration (a-Se): 0.085 — vendor specification (not confirmed by lookup here).
 * - GE Senographe DS / Essential (CsI + a-Si): 0.1 — Ghetti et al., Med Phys 35 (2008) 456,
 *   doi 10.1118/1.2828185; GE Pristina 0.1 (NHSBSP technical evaluation, December 2019).
 * "Mammography requires 50–100 µm" — RSNA as quoted in vendor comparisons.
 */
export const FFDM_PIXEL_PITCHES_MM = [0.05, 0.07, 0.085, 0.1] as const;
export const FFDM_PIXEL_RANGE_MM: RangeMm = { min: 0.05, max: 0.1 };

/**
 * Digitised screen-film: film digitisers sample at 50–200 µm. MIAS was digitised at 50 µm
 * (Joyce-Loebl microdensitometer, Suckling et al. 1994), DDSM at 42–50 µm (Howtek / Lumisys
 * scanners, Heath et al. 2001); digitising "at 50 µm or smaller with at least 8 bits" is needed
 * for small calcifications (Chan et al. 1987, as cited in the MIAS digitiser comparison). Larger
 * pitches (100–200 µm) are what archive and teleradiology scans of films use (range as set for
 * this project; the 200 µm upper end is not confirmed by a publication here).
 */
export const FILM_PIXEL_RANGE_MM: RangeMm = { min: 0.05, max: 0.2 };

/**
 * Presampling blur beyond the pixel aperture, as the σ of a Gaussian line spread, mm at the
 * detector. Derived from published presampling MTFs by dividing out the pixel's sinc and fitting
 * MTF(f) = exp(−2π²σ²f²):
 * - GE Senographe Essential, CsI 100 µm: MTF 0.90 / 0.76 / 0.46 at 1 / 2 / 4 mm⁻¹ → σ ≈ 0.040 mm;
 *   the large-field DS detector 0.85 / 0.59 / 0.24 → σ ≈ 0.060 mm (Ghetti et al. 2008).
 * - GE prototype CsI 100 µm: 0.73 / 0.42 / 0.28 at 2 / 4 / 5 mm⁻¹ → σ ≈ 0.041 mm (Vedantham et al.,
 *   Med Phys 27 (2000) 558).
 * - Siemens Novation a-Se 70 µm: MTF above 0.40 at the Nyquist frequency 7.14 mm⁻¹ → σ ≤ 0.022 mm
 *   (Hoheisel et al. 2004).
 * So a-Se detectors 0.01–0.025 mm, CsI detectors 0.035–0.065 mm; the range spans both.
 */
export const FFDM_BLUR_SIGMA_RANGE_MM: RangeMm = { min: 0.01, max: 0.065 };

/**
 * Screen-film blur (screen light spread) plus the digitiser's spot, σ in mm. Mammography
 * screen-film systems resolve about 15–20 line pairs/mm (limiting resolution, commonly quoted;
 * not confirmed by a publication here); a Gaussian with MTF 0.1 at 10–15 mm⁻¹ has σ 0.023–0.034 mm.
 * The digitiser spot is about the sampling pitch (σ ≈ 0.3–0.5 pitch for a flat spot); the two
 * add in quadrature (see `filmBlurSigmaMm`).
 */
export const SCREEN_FILM_BLUR_SIGMA_RANGE_MM: RangeMm = { min: 0.023, max: 0.034 };
export const DIGITISER_SPOT_SIGMA_PER_PITCH: RangeMm = { min: 0.3, max: 0.5 };

/**
 * Quantum noise, σ on the display scale at the reference level (`NOISE_REFERENCE_LEVEL`), for
 * an FFDM pixel of pitch `a` mm: σ = 1 / √(DQE · q · K · a²), with
 * - q ≈ 5000 X-ray quanta per mm² per µGy for the mammography beam qualities of IEC 62220-1-2
 *   (RQA-M 1–4: about 4600–6300 mm⁻²µGy⁻¹; figure from memory of the standard's table, not confirmed
 *   by lookup here),
 * - DQE(0) 0.4–0.6 (Ghetti et al. 2008: "DQE that reaches 60 %"; Vedantham et al. 2000: about 55 %),
 * - detector air kerma behind the breast K ≈ 50–200 µGy (the range over which detectors are
 *   characterised: Ghetti et al. measured 25–240 µGy).
 * At 0.1 mm that gives 0.013–0.032; at 0.05 mm 0.026–0.063. The blur of CsI detectors correlates
 * this noise (it passes through the MTF); a-Se noise is close to white.
 */
export const QUANTA_PER_MM2_PER_UGY = 5000;
export const DQE_RANGE: RangeMm = { min: 0.4, max: 0.6 };
export const DETECTOR_KERMA_RANGE_UGY: RangeMm = { min: 50, max: 200 };

/**
 * Electronic (additive) noise, expressed as the detector air kerma at which it equals the quantum
 * noise: about 0.5–5 µGy for current FFDM detectors (order of magnitude from the electronic-noise
 * terms fitted in published NNPS-versus-kerma analyses such as Marshall et al., Phys Med Biol 56
 * (2011) 4201; the exact per-system figures are not confirmed here). On the display scale it is
 * σ_e = σ_q(K) · √(K_e / K) at the reference level and grows as the signal falls (denser tissue).
 */
export const ELECTRONIC_NOISE_EQUIVALENT_KERMA_UGY: RangeMm = { min: 0.5, max: 5 };

/**
 * Film grain: RMS granularity of mammography film of about 0.02–0.05 optical density for a
 * 50 µm aperture (order of magnitude commonly quoted for fine-grain single-emulsion films; not
 * confirmed by a publication here). Granularity falls as 1/aperture side (Selwyn's law:
 * σ·√area constant). With film gamma ≈ 3, one display unit (one ln unit of exposure) is
 * 3 · 0.434 ≈ 1.3 optical density, so σ on the display scale at 50 µm is 0.015–0.04.
 */
export const FILM_GRAIN_SD_AT_50_UM: RangeMm = { min: 0.015, max: 0.04 };
export const FILM_GAMMA = 3;

/** The display level at which the noise figures are stated (fatty-glandular tissue in the phantom). */
export const NOISE_REFERENCE_LEVEL = 0.3;

/**
 * Unsharp masking in vendors' For Presentation processing (and multiscale processing, which
 * behaves like a sum of unsharp masks): a low-pass of a few mm subtracted with a gain of about
 * 0.3–1. Radius and gain ranges are this project's reading of published descriptions of
 * mammography processing (e.g. Agfa MUSICA, GE's thickness equalisation), not figures confirmed
 * by a publication here.
 */
export const UNSHARP_SIGMA_RANGE_MM: RangeMm = { min: 1, max: 6 };
export const UNSHARP_AMOUNT_RANGE: RangeMm = { min: 0.3, max: 1 };

/**
 * Bits stored seen in practice: 8 (secondary-capture film scans), 10, 12 (digitisers, GE raw),
 * 14 (Hologic, GE For Presentation), 16 (some archives). DICOM PS3.3 C.8.11.7 allows 8–16 in
 * MG images (Bits Allocated 8 for 8 bits, otherwise 16).
 */
export const BITS_STORED_CHOICES = [8, 10, 12, 14, 16] as const;

/**
 * GE writes VOI LUT Function SIGMOID with its For Presentation mammograms (PS3.3 C.11.2.1.3.1:
 * y = 1 / (1 + exp(−4 (x − c) / w)); Cornerstone and dwv implement it); Hologic and Siemens write
 * LINEAR. The VOI function changes only how a viewer displays the stored values.
 */
export const VOI_FUNCTIONS = ['LINEAR', 'SIGMOID'] as const;

/** Burned-in letters and lead markers: letter height 3–8 mm (laterality / view marker), text 2–4 mm (not sourced: typical). */
export const MARKER_LETTER_HEIGHT_MM: RangeMm = { min: 3, max: 8 };
export const TEXT_LETTER_HEIGHT_MM: RangeMm = { min: 2, max: 4 };
