/** The keyboard crosshair's keys: x toggles it anywhere; arrows, Enter and Escape act only while it is on. */
import { describe, expect, it } from 'vitest';
import { CROSSHAIR_FAST_STEP, keyLabel, SHORTCUTS, shortcutFor } from '../../src/viewer/app/shortcuts.js';

const viewport = { tagName: 'SECTION' };
const on = { crosshair: true };

describe('keyboard crosshair shortcuts', () => {
  it('x toggles the crosshair, with or without it on', () => {
    expect(shortcutFor('x', viewport, {})).toEqual({ kind: 'crosshair' });
    expect(shortcutFor('X', viewport, { shift: true }, on)).toEqual({ kind: 'crosshair' });
  });

  it('arrows move 1 screen pixel, Shift+arrows 10, only while the crosshair is on', () => {
    expect(shortcutFor('ArrowLeft', viewport, {}, on)).toEqual({ kind: 'crosshairMove', dx: -1, dy: 0 });
    expect(shortcutFor('ArrowRight', viewport, {}, on)).toEqual({ kind: 'crosshairMove', dx: 1, dy: 0 });
    expect(shortcutFor('ArrowUp', viewport, {}, on)).toEqual({ kind: 'crosshairMove', dx: 0, dy: -1 });
    expect(shortcutFor('ArrowDown', viewport, {}, on)).toEqual({ kind: 'crosshairMove', dx: 0, dy: 1 });
    expect(CROSSHAIR_FAST_STEP).toBe(10);
    expect(shortcutFor('ArrowLeft', viewport, { shift: true }, on)).toEqual({ kind: 'crosshairMove', dx: -10, dy: 0 });
    expect(shortcutFor('ArrowDown', viewport, { shift: true }, on)).toEqual({ kind: 'crosshairMove', dx: 0, dy: 10 });
    for (const k of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Enter']) {
      expect(shortcutFor(k, viewport, {})).toBeNull();
      expect(shortcutFor(k, viewport, {}, { crosshair: false })).toBeNull();
    }
  });

  it('Enter measures at the crosshair; Escape leaves the crosshair before it leaves an enlarged view', () => {
    expect(shortcutFor('Enter', viewport, {}, on)).toEqual({ kind: 'crosshairPlace' });
    expect(shortcutFor('Escape', viewport, {}, on)).toEqual({ kind: 'crosshairOff' });
    expect(shortcutFor('Escape', viewport, {})).toEqual({ kind: 'grid' });
  });

  it('never while typing in a field, nor with Ctrl or Alt held', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) {
      expect(shortcutFor('Enter', { tagName }, {}, on)).toBeNull();
      expect(shortcutFor('ArrowLeft', { tagName }, {}, on)).toBeNull();
      expect(shortcutFor('x', { tagName }, {})).toBeNull();
    }
    expect(shortcutFor('ArrowLeft', viewport, { ctrl: true }, on)).toBeNull();
    expect(shortcutFor('Enter', viewport, { alt: true }, on)).toBeNull();
  });

  it('the help list names every crosshair key, the arrows as arrows', () => {
    const listed = SHORTCUTS.map((s) => ({ key: keyLabel(s), kind: s.action.kind, help: s.help }));
    for (const [key, kind] of [['x', 'crosshair'], ['←', 'crosshairMove'], ['→', 'crosshairMove'], ['↑', 'crosshairMove'], ['↓', 'crosshairMove'], ['Enter', 'crosshairPlace'], ['Escape', 'crosshairOff']] as const) {
      expect(listed.some((l) => l.key === key && l.kind === kind && l.help.length > 0)).toBe(true);
    }
    // No two shortcuts share a key in the same state (crosshair on or off).
    const ids = SHORTCUTS.map((s) => `${s.key}${s.crosshair === true ? ' on' : ''}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
