/** The installation's Device Observer UID: made once, kept in the browser's storage, the same in every report. */
import { describe, expect, it } from 'vitest';
import { DEVICE_UID_KEY, installationDeviceUid } from '../../src/viewer/report/device-uid.js';

function memoryStorage(keeps = true): Pick<Storage, 'getItem' | 'setItem'> & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void (keeps && map.set(k, v)) };
}

const uuids = ['6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab', '00000000-0000-4000-8000-000000000001'];

describe('installationDeviceUid', () => {
  it('makes a UUID-derived UID once and gives the same one afterwards', () => {
    const storage = memoryStorage();
    let n = 0;
    const newUuid = (): string => uuids[n++ % uuids.length] as string;
    const first = installationDeviceUid(newUuid, storage);
    expect(first).toBe(`2.25.${BigInt('0x6f1c2d3e4a5b4c6d8e7f0123456789ab').toString(10)}`);
    expect(installationDeviceUid(newUuid, storage)).toBe(first);
    expect(storage.map.get(DEVICE_UID_KEY)).toBe(first);
    expect(n).toBe(1);
  });

  it('replaces a kept value that is not a UID', () => {
    const storage = memoryStorage();
    storage.map.set(DEVICE_UID_KEY, '<script>1</script>');
    expect(installationDeviceUid(() => uuids[1] as string, storage)).toBe(`2.25.${BigInt('0x00000000000040008000000000000001').toString(10)}`);
  });

  it('gives null when the browser keeps nothing or refuses storage: the report then carries a UID of its own', () => {
    expect(installationDeviceUid(() => uuids[0] as string, memoryStorage(false))).toBeNull();
    const refusing = { getItem: (): string | null => { throw new Error('SecurityError'); }, setItem: (): void => undefined };
    expect(installationDeviceUid(() => uuids[0] as string, refusing)).toBeNull();
  });
});
