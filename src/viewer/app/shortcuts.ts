/**
 * Keyboard shortcuts of the viewer, as data: the key, what it does, and the words shown in the
 * help list.
 */
import type { PrimaryTool } from '../cornerstone/setup.js';
import type { HangingSlot } from '../hanging/hanging.js';

export type ShortcutAction =
  | { readonly kind: 'select'; readonly slot: HangingSlot }
  | { readonly kind: 'enlarge' }
  | { readonly kind: 'grid' }
  | { readonly kind: 'compare'; readonly view: 'CC' | 'MLO' }
  | { readonly kind: 'tool'; readonly tool: PrimaryTool }
  | { readonly kind: 'delete' }
  | { readonly kind: 'undo' }
  | { readonly kind: 'redo' }
  | { readonly kind: 'open' }
  /** The keyboard crosshair on the selected view: on / off. */
  | { readonly kind: 'crosshair' }
  /** Moves the crosshair by screen pixels (Shift: CROSSHAIR_FAST_STEP times as far). */
  | { readonly kind: 'crosshairMove'; readonly dx: number; readonly dy: number }
  /** Measures the calcification under the crosshair, as a click there does. */
  | { readonly kind: 'crosshairPlace' }
  | { readonly kind: 'crosshairOff' };

/** Screen pixels a Shift+arrow moves the crosshair (an arrow alone: 1). */
export const CROSSHAIR_FAST_STEP = 10;

/** Modifier keys held with a key press (Cmd is `meta`). */
export interface KeyModifiers {
  readonly ctrl?: boolean;
  readonly meta?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

export interface Shortcut {
  readonly key: string;
  readonly action: ShortcutAction;
  readonly help: string;
  /** Only while the keyboard crosshair is on (and then before the other shortcuts of the key). */
  readonly crosshair?: true;
}

/** Shortcuts held with Ctrl (Cmd on a Mac); `shift` says whether Shift belongs to the chord. */
export interface ChordShortcut extends Shortcut {
  readonly shift: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { key: '1', action: { kind: 'select', slot: 'RCC' }, help: 'select RCC' },
  { key: '2', action: { kind: 'select', slot: 'LCC' }, help: 'select LCC' },
  { key: '3', action: { kind: 'select', slot: 'RMLO' }, help: 'select RMLO' },
  { key: '4', action: { kind: 'select', slot: 'LMLO' }, help: 'select LMLO' },
  { key: 'e', action: { kind: 'enlarge' }, help: 'enlarge the selected view' },
  { key: 'Escape', action: { kind: 'grid' }, help: 'back to the four views' },
  { key: 'c', action: { kind: 'compare', view: 'CC' }, help: 'compare CC with the prior' },
  { key: 'm', action: { kind: 'compare', view: 'MLO' }, help: 'compare MLO with the prior' },
  { key: 'k', action: { kind: 'tool', tool: 'calcification' }, help: 'calcification tool (click)' },
  { key: 'r', action: { kind: 'tool', tool: 'rectangle' }, help: 'rectangle: every calcification inside' },
  { key: 'f', action: { kind: 'tool', tool: 'lasso' }, help: 'lasso: every calcification inside' },
  { key: 'n', action: { kind: 'tool', tool: 'nipple' }, help: 'nipple marker' },
  { key: 'l', action: { kind: 'tool', tool: 'length' }, help: 'calibrated length' },
  { key: 'p', action: { kind: 'tool', tool: 'pan' }, help: 'pan' },
  { key: 'Delete', action: { kind: 'delete' }, help: 'delete the selected outline' },
  { key: 'o', action: { kind: 'open' }, help: 'open files' },
  { key: 'x', action: { kind: 'crosshair' }, help: 'keyboard crosshair on the selected view (on / off)' },
  { key: 'ArrowLeft', crosshair: true, action: { kind: 'crosshairMove', dx: -1, dy: 0 }, help: 'crosshair left 1 screen pixel (with Shift: 10)' },
  { key: 'ArrowRight', crosshair: true, action: { kind: 'crosshairMove', dx: 1, dy: 0 }, help: 'crosshair right 1 screen pixel (with Shift: 10)' },
  { key: 'ArrowUp', crosshair: true, action: { kind: 'crosshairMove', dx: 0, dy: -1 }, help: 'crosshair up 1 screen pixel (with Shift: 10)' },
  { key: 'ArrowDown', crosshair: true, action: { kind: 'crosshairMove', dx: 0, dy: 1 }, help: 'crosshair down 1 screen pixel (with Shift: 10)' },
  { key: 'Enter', crosshair: true, action: { kind: 'crosshairPlace' }, help: 'measure the calcification at the crosshair (as a click there)' },
  { key: 'Escape', crosshair: true, action: { kind: 'crosshairOff' }, help: 'leave the crosshair' },
];

/** How a shortcut's key is written in the help list: the arrow keys as arrows. */
export function keyLabel(s: Shortcut): string {
  const arrows: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };
  return arrows[s.key] ?? s.key;
}

export const CHORD_SHORTCUTS: readonly ChordShortcut[] = [
  { key: 'z', shift: false, action: { kind: 'undo' }, help: 'undo (Cmd+Z on a Mac)' },
  { key: 'z', shift: true, action: { kind: 'redo' }, help: 'redo (Cmd+Shift+Z on a Mac)' },
  { key: 'y', shift: false, action: { kind: 'redo' }, help: 'redo' },
];

/** How a chord is written in the help list, e.g. "Ctrl+Shift+Z". */
export function chordLabel(s: ChordShortcut): string {
  return `Ctrl+${s.shift ? 'Shift+' : ''}${s.key.toUpperCase()}`;
}

/**
 * The action for a key press, or null. Typing in a field never triggers one (there Ctrl+Z is the
 * field's own undo). `modifiers` says which modifier keys were held; `true` means some modifier
 * other than Shift was held without saying which (no shortcut then), `false` none. The crosshair's
 * keys (arrows, Enter, Escape) act only while `context.crosshair` says it is on.
 */
export function shortcutFor(
  key: string,
  target: { readonly tagName?: string; readonly isContentEditable?: boolean } | null,
  modifiers: boolean | KeyModifiers,
  context: { readonly crosshair?: boolean } = {},
): ShortcutAction | null {
  const tag = (target?.tagName ?? '').toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable === true) return null;
  if (modifiers === true) return null;
  const m: KeyModifiers = modifiers === false ? {} : modifiers;
  if (m.alt === true) return null;
  const k = key.length === 1 ? key.toLowerCase() : key === 'Backspace' ? 'Delete' : key;
  if (m.ctrl === true || m.meta === true) return CHORD_SHORTCUTS.find((s) => s.key === k && s.shift === (m.shift === true))?.action ?? null;
  if (context.crosshair === true) {
    const a = SHORTCUTS.find((s) => s.crosshair === true && s.key === k)?.action;
    if (a !== undefined) return a.kind === 'crosshairMove' && m.shift === true ? { ...a, dx: a.dx * CROSSHAIR_FAST_STEP, dy: a.dy * CROSSHAIR_FAST_STEP } : a;
  }
  return SHORTCUTS.find((s) => s.crosshair !== true && s.key === k)?.action ?? null;
}
