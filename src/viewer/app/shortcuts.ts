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
  | { readonly kind: 'open' };

export interface Shortcut {
  readonly key: string;
  readonly action: ShortcutAction;
  readonly help: string;
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
];

/** The action for a key press, or null; typing in a field never triggers one. */
export function shortcutFor(key: string, target: { readonly tagName?: string; readonly isContentEditable?: boolean } | null, modifiers: boolean): ShortcutAction | null {
  if (modifiers) return null;
  const tag = (target?.tagName ?? '').toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable === true) return null;
  const k = key.length === 1 ? key.toLowerCase() : key === 'Backspace' ? 'Delete' : key;
  return SHORTCUTS.find((s) => s.key === k)?.action ?? null;
}
