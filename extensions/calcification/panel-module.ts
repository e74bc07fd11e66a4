/** The findings panel as an OHIF panel module entry; the component is the panel's own. */
import { createElement, type ReactElement } from 'react';
import { CalcificationPanel } from './panel/index.js';
import { readConfiguration, storeOf } from './configuration.js';

/** The panel's name: its module entry is `<extension id>.panelModule.findings`. */
export const PANEL_NAME = 'findings';

export interface PanelEntry {
  readonly name: string;
  readonly iconName: string;
  readonly iconLabel: string;
  readonly label: string;
  readonly component: () => ReactElement;
}

/** OHIF's getPanelModule. Without an open exam the panel says so. */
export function getPanelModule({ configuration }: { readonly configuration?: unknown } = {}): PanelEntry[] {
  const config = readConfiguration(configuration);
  const component = (): ReactElement => {
    const store = storeOf(config);
    return store === null ? createElement('p', { role: 'status' }, 'No exam open.') : createElement(CalcificationPanel, { store, offerSrFile: true });
  };
  return [{ name: PANEL_NAME, iconName: 'tab-linear', iconLabel: 'Findings', label: 'Calcification findings', component }];
}
