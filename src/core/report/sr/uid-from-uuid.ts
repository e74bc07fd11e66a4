/**
 * A DICOM UID made from a UUID (PS3.5 B.2: "2.25." followed by the UUID's 128 bits as one decimal
 * integer): needs no registered root. The UUID itself is the host's (crypto.randomUUID), so this
 * stays pure and the SR builder keeps its injected UIDs.
 */
import { err, ok, type Result } from '../../result.js';

export function uidFromUuid(uuid: string): Result<string> {
  const hex = uuid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex) || !/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(uuid)) {
    return err('bad-argument', `not a UUID: ${uuid.slice(0, 40)}`);
  }
  return ok(`2.25.${BigInt(`0x${hex}`).toString(10)}`);
}
