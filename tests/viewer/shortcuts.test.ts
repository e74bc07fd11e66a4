/** Keyboard shortcuts: undo / redo chords, and nothing fires while typing in a field. */
import { describe, expect, it } from 'vitest';
import { CHORD_SHORTCUTS, chordLabel, SHORTCUTS, shortcutFor } from '../../src/viewer/app/shortcuts.js';

const viewport = { tagName: 'SECTION' };

describe('undo and redo shortcuts', () => {
  it('Ctrl+Z and Cmd+Z undo; Ctrl+Shift+Z, Cmd+Shift+Z and Ctrl+Y redo (either case of the letter)', () => {
    expect(shortcutFor('z', viewport, { ctrl: true })).toEqual({ kind: 'undo' });
    expect(shortcutFor('z', viewport, { meta: true })).toEqual({ kind: 'undo' });
    expect(shortcutFor('Z', viewport, { ctrl: true, shift: true })).toEqual({ kind: 'redo' });
    expect(shortcutFor('z', null, { meta: true, shift: true })).toEqual({ kind: 'redo' });
    expect(shortcutFor('y', viewport, { ctrl: true })).toEqual({ kind: 'redo' });
    expect(shortcutFor('Y', viewport, { ctrl: true })).toEqual({ kind: 'redo' });
  });
  it('plain keys keep their actions when the modifiers are given one by one', () => {
    expect(shortcutFor('z', viewport, {})).toBeNull();
    expect(shortcutFor('e', viewport, {})).toEqual({ kind: 'enlarge' });
    expect(shortcutFor('E', viewport, { shift: true })).toEqual({ kind: 'enlarge' });
    expect(shortcutFor('Delete', viewport, { ctrl: false, meta: false, shift: false, alt: false })).toEqual({ kind: 'delete' });
  });
  it('other chords do nothing: Ctrl+E, Ctrl+Shift+Y, Alt+Z, Ctrl+Alt+Z', () => {
    expect(shortcutFor('e', viewport, { ctrl: true })).toBeNull();
    expect(shortcutFor('y', viewport, { ctrl: true, shift: true })).toBeNull();
    expect(shortcutFor('z', viewport, { alt: true })).toBeNull();
    expect(shortcutFor('z', viewport, { ctrl: true, alt: true })).toBeNull();
    expect(shortcutFor('z', viewport, true)).toBeNull();
  });
  it('never fires while typing in a field: the field keeps its own Ctrl+Z', () => {
    for (const tagName of ['INPUT', 'textarea', 'SELECT']) {
      expect(shortcutFor('z', { tagName }, { ctrl: true })).toBeNull();
      expect(shortcutFor('z', { tagName }, { ctrl: true, shift: true })).toBeNull();
      expect(shortcutFor('Delete', { tagName }, {})).toBeNull();
    }
    expect(shortcutFor('y', { tagName: 'DIV', isContentEditable: true }, { ctrl: true })).toBeNull();
  });
  it('every chord is listed with a label, and no chord key shadows a plain shortcut action', () => {
    expect(CHORD_SHORTCUTS.map(chordLabel)).toEqual(['Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+Y']);
    for (const c of CHORD_SHORTCUTS) expect(SHORTCUTS.some((s) => s.key === c.key && s.action.kind === c.action.kind)).toBe(false);
  });
});
