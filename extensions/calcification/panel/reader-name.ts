/**
 * The reader's name, a setting of this browser: written as the observer of every report saved
 * here (the radiologist who reported, or who amended).
 */
export const READER_NAME_KEY = 'calcscribe.readerName';

type NameStorage = Pick<Storage, 'getItem' | 'setItem'>;

const storageOf = (s?: NameStorage): NameStorage | null => s ?? (typeof localStorage === 'undefined' ? null : localStorage);

/** The name set in this browser, or '' when none is. */
export function readerName(storage?: NameStorage): string {
  try {
    return storageOf(storage)?.getItem(READER_NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Keeps the name (trimmed) for the next reports; false when the browser would not store it. */
export function setReaderName(name: string, storage?: NameStorage): boolean {
  try {
    storageOf(storage)?.setItem(READER_NAME_KEY, name.trim());
    return true;
  } catch {
    return false;
  }
}
