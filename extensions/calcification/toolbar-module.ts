/**
 * Toolbar: OHIF evaluators (which buttons are enabled) registered by getToolbarModule, and the
 * button definitions a mode adds to its toolbar.
 */
import { readConfiguration, storeOf } from './configuration.js';
import { COMMAND_PREFIX } from './id.js';

interface ButtonState {
  readonly disabled: boolean;
  readonly className?: string;
}

/** OHIF's getToolbarModule: evaluators named `evaluate.calcscribe.*`. */
export function getToolbarModule({ configuration }: { readonly configuration?: unknown } = {}): { name: string; evaluate: () => ButtonState }[] {
  const config = readConfiguration(configuration);
  return [
    { name: 'evaluate.calcscribe.undo', evaluate: () => ({ disabled: !(storeOf(config)?.canUndo() ?? false) }) },
    { name: 'evaluate.calcscribe.redo', evaluate: () => ({ disabled: !(storeOf(config)?.canRedo() ?? false) }) },
    { name: 'evaluate.calcscribe.examOpen', evaluate: () => ({ disabled: storeOf(config) === null }) },
  ];
}

const tool = (id: string, label: string, toolName: string, tooltip: string) => ({
  id,
  uiType: 'ohif.toolButton',
  props: {
    icon: 'tool-freehand-roi',
    label,
    tooltip,
    commands: { commandName: 'setToolActiveToolbar', commandOptions: { toolName } },
    evaluate: 'evaluate.cornerstoneTool',
  },
});

const command = (id: string, label: string, name: string, evaluate: string, tooltip: string) => ({
  id,
  uiType: 'ohif.toolButton',
  props: { icon: 'tool-undo', label, tooltip, commands: `${COMMAND_PREFIX}.${name}`, evaluate },
});

/** Buttons for a mode's toolbar (OHIF button definitions). */
export const TOOLBAR_BUTTONS = [
  tool('Calcification', 'Calcification', 'Calcification', 'Click a calcification to outline and measure it (C)'),
  tool('CalcificationRegion', 'Calcifications in a region', 'CalcificationRegion', 'Drag a rectangle or lasso: every calcification inside (R)'),
  tool('NippleMarker', 'Nipple marker', 'NippleMarker', 'Mark the nipple for location (N)'),
  tool('Length', 'Length', 'Length', 'Calibrated length'),
  command('CalcscribeUndo', 'Undo', 'undo', 'evaluate.calcscribe.undo', 'Undo (Ctrl+Z)'),
  command('CalcscribeRedo', 'Redo', 'redo', 'evaluate.calcscribe.redo', 'Redo (Ctrl+Y)'),
] as const;
