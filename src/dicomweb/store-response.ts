/**
 * The STOW-RS answer (Store Instances Response Module, PS3.18 10.5.3) → one outcome per instance
 * sent: stored when listed in the Referenced SOP Sequence (0008,1199), failed with its Failure
 * Reason (0008,1197) when listed in the Failed SOP Sequence (0008,1198), failed "not confirmed"
 * when the answer does not mention it (e.g. a part that was not DICOM at all).
 */
import { TAG } from './dicomweb-tags.js';
import { integerValue, isDataset, sequenceItems, uidValue } from './dicom-json.js';
import type { InstanceStoreOutcome } from './pacs-types.js';

/**
 * Failure Reason values a STOW-RS origin server returns. Source: PS3.18 (2024) 10.5.3,
 * "Failure Reason" values, which are the C-STORE failure statuses of PS3.4 Table B.2-1 and the
 * general statuses of PS3.7 Annex C. Matched exactly first, then by the PS3.4 "xx" families.
 */
const FAILURE_REASONS: readonly { readonly code: number; readonly mask: number; readonly words: string }[] = [
  { code: 0xc122, mask: 0xffff, words: 'referenced transfer syntax not supported' },
  { code: 0x0110, mask: 0xffff, words: 'processing failure' },
  { code: 0x0122, mask: 0xffff, words: 'SOP class not supported' },
  { code: 0x0124, mask: 0xffff, words: 'refused: not authorised' },
  { code: 0xa700, mask: 0xff00, words: 'refused: out of resources' },
  { code: 0xa900, mask: 0xff00, words: 'data set does not match SOP class' },
  { code: 0xc000, mask: 0xf000, words: 'cannot understand' },
];

/** Warning Reason values of a stored instance. Source: PS3.18 (2024) 10.5.3, the C-STORE warning statuses of PS3.4 Table B.2-1. */
const WARNING_REASONS: readonly { readonly code: number; readonly mask: number; readonly words: string }[] = [
  { code: 0xb000, mask: 0xffff, words: 'coercion of data elements' },
  { code: 0xb006, mask: 0xffff, words: 'elements discarded' },
  { code: 0xb007, mask: 0xffff, words: 'data set does not match SOP class' },
];

function reasonWords(table: typeof FAILURE_REASONS, code: number, unknown: string): string {
  const hex = `0x${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const known = table.find((r) => (code & r.mask) === r.code);
  return known === undefined ? `${unknown} ${hex}` : `${hex} ${known.words}`;
}

/** "0xA900 data set does not match SOP class", or the bare code when it is not in the table. */
export function failureReasonWords(code: number): string {
  return reasonWords(FAILURE_REASONS, code, 'failure reason');
}

/** "0xB000 coercion of data elements", or the bare code when it is not in the table. */
export function warningReasonWords(code: number): string {
  return reasonWords(WARNING_REASONS, code, 'warning reason');
}

/** Whether a parsed JSON answer is a Store Instances Response (has either SOP sequence). */
export function isStoreResponse(json: unknown): json is Readonly<Record<string, unknown>> {
  if (!isDataset(json)) return false;
  return Object.keys(json).some((k) => [TAG.FailedSOPSequence, TAG.ReferencedSOPSequence].includes(k.toUpperCase() as never));
}

/**
 * Outcomes for the instances sent (their SOP Instance UIDs in order; null when a part's UID could
 * not be read) from a Store Instances Response and the HTTP status it came with.
 */
export function storeOutcomes(sent: readonly (string | null)[], response: Readonly<Record<string, unknown>>, status: number): InstanceStoreOutcome[] {
  const stored = new Map<string, number | null>();
  for (const item of sequenceItems(response, TAG.ReferencedSOPSequence)) {
    stored.set(uidValue(item, TAG.ReferencedSOPInstanceUID), integerValue(item, TAG.WarningReason));
  }
  const failed = new Map<string, number | null>();
  for (const item of sequenceItems(response, TAG.FailedSOPSequence)) {
    failed.set(uidValue(item, TAG.ReferencedSOPInstanceUID), integerValue(item, TAG.FailureReason));
  }
  return sent.map((uid, index): InstanceStoreOutcome => {
    if (uid !== null && failed.has(uid)) {
      const code = failed.get(uid) ?? null;
      return code === null
        ? { index, sopInstanceUid: uid, status: 'failed', reason: `the server listed it as failed without a reason (HTTP ${status})` }
        : { index, sopInstanceUid: uid, status: 'failed', reason: failureReasonWords(code), failureReason: code };
    }
    if (uid !== null && stored.has(uid)) {
      const warning = stored.get(uid) ?? null;
      return warning === null ? { index, sopInstanceUid: uid, status: 'stored' } : { index, sopInstanceUid: uid, status: 'stored', warning: warningReasonWords(warning) };
    }
    return {
      index,
      sopInstanceUid: uid,
      status: 'failed',
      reason:
        uid === null
          ? `not a DICOM Part 10 file (no SOP Instance UID in its file meta information); the server did not store it (HTTP ${status})`
          : `the server's answer does not confirm it was stored (HTTP ${status})`,
    };
  });
}

