import type { Side } from '../lexicon.js';
import type { FindingLocation } from './finding.js';
import { fmtNumber, SIDE_WORDS } from './words.js';

/** The report word of each special location (ACR BI-RADS Atlas 5th ed., Mammography, location of lesion). */
const SPECIAL_WORDS = { subareolar: 'subareolar', central: 'central', 'axillary tail': 'axillary tail' } as const;

/** What the location of a finding that needs action says when it has no clock face. */
export const NO_CLOCK_FACE = 'clock face not given';

/** Why there is no clock face when the location does not say: the clock face needs a CC and an MLO (or ML) view. */
export const NOT_ON_TWO_VIEWS = 'not located on both a cranio-caudal and an MLO or ML view';

/**
 * Where a finding is, in report order: side → special region or quadrant (or half) → clock face →
 * depth → distance from the nipple. "Right breast, upper outer quadrant, 10 o'clock, middle
 * depth, 4 cm from the nipple".
 *
 * A finding that needs action (`action: true`: recall, follow-up or biopsy) is always placed on
 * the clock face, as the one who acts on it needs; "subareolar" and "central" (which the atlas
 * lets stand without a clock face) are then left out for the clock face. When the clock face
 * cannot be given, the location says why ("clock face not given: seen on the CC only: …").
 */
export function wordLocation(side: Side, loc: FindingLocation, options: { readonly action?: boolean } = {}): string {
  const action = options.action ?? false;
  const parts: string[] = [SIDE_WORDS[side]];
  const special = loc.special ?? null;
  if (special !== null && !(action && special !== 'axillary tail')) parts.push(SPECIAL_WORDS[special]);
  if (loc.quadrant !== undefined && loc.quadrant !== null) parts.push(`${loc.quadrant} quadrant`);
  else if (loc.half !== undefined && loc.half !== null) parts.push(`${loc.half} half`);
  // Subareolar and central stand without a clock face (atlas); a finding that needs action has one instead.
  const clock = !action && (special === 'subareolar' || special === 'central') ? null : (loc.clockFace ?? null);
  if (clock !== null) parts.push(`${clock} o'clock`);
  else if (action) parts.push(`${NO_CLOCK_FACE} (${loc.noClockFace ?? NOT_ON_TWO_VIEWS})`);
  if (loc.depth !== undefined && loc.depth !== null) parts.push(`${loc.depth} depth`);
  const d = loc.distanceFromNippleCm;
  if (d !== undefined && d !== null && Number.isFinite(d) && d >= 0) parts.push(`${fmtNumber(d)} cm from the nipple`);
  return parts.join(', ');
}

/** The location's caveats as sentences, each once: "Nipple not in profile on the RMLO: …". */
export function wordLocationCaveats(loc: FindingLocation): string[] {
  return [...new Set(loc.caveats ?? [])].map((c) => `${c.charAt(0).toUpperCase()}${c.slice(1)}.`);
}
