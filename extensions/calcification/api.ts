/** What hosts of the extension (the standalone viewer, tests) use beside the OHIF modules. */
export { EXTENSION_ID, COMMAND_CONTEXT, COMMAND_PREFIX } from './id.js';
export { createDraftStore, getCurrentDraftStore, setCurrentDraftStore, type DraftStore } from './draft-store.js';
export type { CalcificationExtensionConfiguration } from './configuration.js';
export { imagesFromMap, measureWithCore, type MeasureAt } from './measure-at.js';
export {
  annotationToContour,
  calcificationToAnnotation,
  measurementStats,
  targetIdOf,
  UNIT_LABELS,
  type CalcificationAnnotationShape,
  type CalcificationStats,
  type PixelToWorld,
  type WorldPoint,
  type WorldToPixel,
} from './annotation-mapping.js';
export { MAMMO_PROTOCOL, MAMMO_PROTOCOL_ID } from './hanging-protocol-module.js';
export { lateralityOf, viewOf, LATERALITY_ATTRIBUTE, VIEW_ATTRIBUTE } from './mammo-attributes.js';
export { PANEL_NAME } from './panel-module.js';
export { TOOLBAR_BUTTONS } from './toolbar-module.js';
export { TOOL_NAMES } from './init.js';
