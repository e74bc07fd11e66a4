export { CalcificationPanel, type PanelStore } from './CalcificationPanel.js';
export { FindingsPanel, type FindingsPanelProps } from './FindingsPanel.js';
export type { ImageLookup, PanelCallbacks, PanelFinding, PanelReport } from './panel-model.js';
export { panelView, type PanelView } from './panel-view.js';
export { intensityProfile, longAxisLine, type ProfileSample } from './profile.js';
