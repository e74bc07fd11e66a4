import { randomUUID } from 'node:crypto';

/**
 * A new DICOM UID for what the command line writes (an SR's SOP Instance and Series, tracking
 * UIDs): under the root 2.25, a random (version 4) UUID as a decimal integer (PS3.5 B.2), which
 * needs no registered root and is unique without coordination. At most 2.25. + 39 digits = 44 characters.
 */
export function newUid(): string {
  return `2.25.${BigInt(`0x${randomUUID().replace(/-/g, '')}`).toString(10)}`;
}
