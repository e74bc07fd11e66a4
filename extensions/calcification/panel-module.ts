/** The findings panel as an OHIF panel module entry; the component is the panel's own. */
import { createElement, type ReactElement } from 'react';
import { CalcificationPanel } from './panel/index.js';
import { readConfiguration, storeOf } from './configuration.js';
import { storeThroughDataSource, type DataSourceHost } from './data-source-store.js';

/** The panel's name: its module entry is `<extension id>.panelModule.findings`. */
export const PANEL_NAME = 'findings';

export interface PanelEntry {
  readonly name: string;
  readonly iconName: string;
  readonly iconLabel: string;
  readonly label: string;
  readonly component: () => ReactElement;
}

/**
 * OHIF's getPanelModule. Without an open exam the panel says so. The panel saves the report as an
 * SR file, and with OHIF's extension manager also to the PACS, through the data source active when
 * the radiologist saves.
 */
export function getPanelModule({ configuration, extensionManager }: { readonly configuration?: unknown; readonly extensionManager?: DataSourceHost } = {}): PanelEntry[] {
  const config = readConfiguration(configuration);
  const storePart10 = extensionManager === undefined ? undefined : (bytes: Uint8Array) => storeThroughDataSource(extensionManager, bytes, config.storeTimeoutMs);
  const component = (): ReactElement => {
    const store = storeOf(config);
    return store === null
      ? createElement('p', { role: 'status' }, 'No exam open.')
      : createElement(CalcificationPanel, { store, offerSrFile: true, ...(storePart10 === undefined ? {} : { storePart10 }) });
  };
  return [{ name: PANEL_NAME, iconName: 'tab-linear', iconLabel: 'Findings', label: 'Calcification findings', component }];
}
