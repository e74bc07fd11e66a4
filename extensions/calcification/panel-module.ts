/** The findings panel as an OHIF panel module entry; the component is the panel's own. */
import { createElement, type ReactElement } from 'react';
import { CalcificationPanel } from './panel/index.js';
import { readConfiguration, storeOf } from './configuration.js';
import { storeThroughDataSource } from './data-source-store.js';
import { reportsThroughDataSource, type AuthorizationSource, type ReportingHost } from './data-source-reports.js';

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
 * the radiologist saves; the exam's reports saved there before are looked up through the same data
 * source when the exam opens (the latest is opened for review, as in the standalone viewer), with
 * the Authorization header of the user's session at the time of each request (OHIF's user
 * authentication service), as OHIF's own requests carry it.
 */
export function getPanelModule({
  configuration,
  extensionManager,
  servicesManager,
}: {
  readonly configuration?: unknown;
  readonly extensionManager?: ReportingHost;
  readonly servicesManager?: { readonly services?: { readonly userAuthenticationService?: AuthorizationSource } };
} = {}): PanelEntry[] {
  const config = readConfiguration(configuration);
  const archive =
    extensionManager === undefined
      ? {}
      : {
          storePart10: (bytes: Uint8Array) => storeThroughDataSource(extensionManager, bytes, config.storeTimeoutMs),
          findReports: (studyUid: string) => reportsThroughDataSource(extensionManager, studyUid, config.lookupTimeoutMs, servicesManager?.services?.userAuthenticationService),
        };
  const component = (): ReactElement => {
    const store = storeOf(config);
    return store === null ? createElement('p', { role: 'status' }, 'No exam open.') : createElement(CalcificationPanel, { store, offerSrFile: true, ...(config.images ? { images: config.images } : {}), ...archive });
  };
  return [{ name: PANEL_NAME, iconName: 'tab-linear', iconLabel: 'Findings', label: 'Calcification findings', component }];
}
