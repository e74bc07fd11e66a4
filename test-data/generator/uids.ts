/** Deterministic DICOM UIDs under the 2.25 (UUID-derived integer) root, from a text label. */
import { hashString } from './random.js';

/**
 * A 2.25.<128-bit integer> UID derived from `label`: the same label always gives the same UID,
 * different labels give different UIDs with overwhelming probability.
 */
export function uidFor(label: string): string {
  let n = 0n;
  let h = 0x811c9dc5;
  for (let i = 0; i < 4; i++) {
    h = hashString(`${label}#${i}`, h ^ (i * 0x27d4eb2d));
    n = (n << 32n) | BigInt(h >>> 0);
  }
  if (n === 0n) n = 1n;
  return `2.25.${n.toString(10)}`;
}
