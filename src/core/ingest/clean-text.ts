/** C0 and C1 control characters and DEL: never passed on from a file. */
// eslint-disable-next-line no-control-regex -- matching control characters is the purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Makes a text value from a file safe to hold: control characters removed, padding trimmed.
 * The text is otherwise kept literally (markup is data, never interpreted here).
 * @example cleanText('Doe^Jane\u0000 ') === 'Doe^Jane'
 */
export function cleanText(s: string): string {
  return s.replace(CONTROL, '').trim();
}

/**
 * Shortens a value from a file for use inside a one-line message.
 * @example clip('A'.repeat(100), 8) === 'AAAAAAA…'
 */
export function clip(s: string, max = 64): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
