/**
 * The Device Observer UID of this installation (PS3.16 TID 1004, DCM 121012): calcscribe in this
 * browser, the device that suggested the wording, identified by the same UID in every report saved
 * here — so that reports can be traced to the installation that made them. Made once (a UUID-derived
 * UID, PS3.5 B.2) and kept in the browser's storage beside the reader's name; when the browser
 * keeps nothing, null (the SR builder then gives each report a UID of its own).
 */
import { checkUid } from '../../core/report/sr/sr-text.js';
import { uidFromUuid } from '../../core/report/sr/uid-from-uuid.js';

export const DEVICE_UID_KEY = 'calcscribe.deviceObserverUid';

type UidStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function installationDeviceUid(newUuid: () => string, storage?: UidStorage): string | null {
  const store = storage ?? (typeof localStorage === 'undefined' ? null : localStorage);
  if (store === null) return null;
  try {
    const kept = store.getItem(DEVICE_UID_KEY);
    if (kept !== null && checkUid(kept, 'Device Observer UID').ok) return kept;
    const made = uidFromUuid(newUuid());
    if (!made.ok) return null;
    store.setItem(DEVICE_UID_KEY, made.value);
    // Kept only if the browser really stores it: otherwise each report would claim a UID no other report shares.
    return store.getItem(DEVICE_UID_KEY) === made.value ? made.value : null;
  } catch {
    return null;
  }
}
