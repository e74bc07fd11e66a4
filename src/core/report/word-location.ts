import type { Side } from '../lexicon.js';
import type { FindingLocation } from './finding.js';
import { fmtNumber, SIDE_WORDS } from './words.js';

/**
 * Where a finding is, in report order: side → quadrant (or half, or special region) → clock
 * face → depth → distance from the nipple. "Right breast, upper outer quadrant, 10 o'clock,
 * middle depth, 4 cm from the nipple".
 */
export function wordLocation(side: Side, loc: FindingLocation): string {
  const parts: string[] = [SIDE_WORDS[side]];
  if (loc.special !== undefined && loc.special !== null) parts.push(loc.special === 'central' ? 'central region' : loc.special);
  if (loc.quadrant !== undefined && loc.quadrant !== null) parts.push(`${loc.quadrant} quadrant`);
  else if (loc.half !== undefined && loc.half !== null) parts.push(`${loc.half} half`);
  if (loc.clockFace !== undefined && loc.clockFace !== null) parts.push(`${loc.clockFace} o'clock`);
  if (loc.depth !== undefined && loc.depth !== null) parts.push(`${loc.depth} depth`);
  const d = loc.distanceFromNippleCm;
  if (d !== undefined && d !== null && Number.isFinite(d) && d >= 0) parts.push(`${fmtNumber(d)} cm from the nipple`);
  return parts.join(', ');
}

/** The location's caveats as sentences, each once: "Nipple not in profile on the RMLO: …". */
export function wordLocationCaveats(loc: FindingLocation): string[] {
  return [...new Set(loc.caveats ?? [])].map((c) => `${c.charAt(0).toUpperCase()}${c.slice(1)}.`);
}
