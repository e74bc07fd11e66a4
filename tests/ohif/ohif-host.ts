/**
 * OHIF as the OHIF tests host the extension: the real @ohif/core managers set up as an OHIF app sets
 * them up for its extensions (commands, services with the hanging protocol and toolbar services,
 * extensions), and a DICOMweb data source registered the way OHIF registers its own (a data sources
 * module, made active by name) over dicomweb-client, as OHIF's DicomWebDataSource is built.
 */
import OHIF from '@ohif/core';
import { api } from 'dicomweb-client';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Api from '../../extensions/calcification/api.js';
import type sourceExtension from '../../extensions/calcification/index.js';

export interface OhifManagers {
  readonly cm: InstanceType<typeof OHIF.CommandsManager>;
  readonly sm: InstanceType<typeof OHIF.ServicesManager>;
  readonly em: InstanceType<typeof OHIF.ExtensionManager>;
}

export function ohifManagers(): OhifManagers {
  const cm = new OHIF.CommandsManager();
  const sm = new OHIF.ServicesManager(cm);
  const em = new OHIF.ExtensionManager({ commandsManager: cm, servicesManager: sm, serviceProvidersManager: new OHIF.ServiceProvidersManager(), appConfig: {} });
  sm.setExtensionManager(em);
  sm.registerService(OHIF.HangingProtocolService.REGISTRATION);
  sm.registerService(OHIF.ToolbarService.REGISTRATION);
  return { cm, sm, em };
}

/**
 * Data sources as an OHIF extension provides them: 'dicomweb' stores Part 10 bytes as they are with
 * dicomweb-client's storeInstances (what OHIF's DicomWebDataSource does with an ArrayBuffer) and,
 * with `handsOutClient`, hands out its dicomweb-client as `retrieve.getWadoDicomWebClient()` (as
 * OHIF's does); 'readonly' can neither store nor retrieve, as a static-file source.
 */
export function dicomWebDataSources(options: { readonly handsOutClient: boolean }) {
  return {
    id: 'test-dicomweb',
    getDataSourcesModule: () => [
      { name: 'readonly', type: 'webApi', createDataSource: () => ({}) },
      {
        name: 'dicomweb',
        type: 'webApi',
        createDataSource: (configuration: { readonly wadoRoot: string; readonly headers?: Record<string, string> }) => {
          const client = new api.DICOMwebClient({ url: configuration.wadoRoot, singlepart: false, ...(configuration.headers ? { headers: configuration.headers } : {}) });
          return {
            store: {
              dicom: async (dataset: unknown) => {
                if (!(dataset instanceof ArrayBuffer)) throw new Error('expected the Part 10 bytes');
                await client.storeInstances({ datasets: [dataset] });
              },
            },
            ...(options.handsOutClient ? { retrieve: { getWadoDicomWebClient: () => client } } : {}),
          };
        },
      },
    ],
  };
}

/** The extension's BUILT bundle, as OHIF loads it (its default export), and its api module; refused when `npm run build` has not run. */
export async function builtExtension(): Promise<{ readonly extension: typeof sourceExtension; readonly api: typeof Api }> {
  // A path, not new URL(…, import.meta.url): under jsdom, URL is jsdom's, which fileURLToPath refuses.
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../extensions/calcification/dist/');
  if (!existsSync(join(dir, 'index.js'))) throw new Error('the extension is not built: run npm run build');
  const extension = ((await import(/* @vite-ignore */ pathToFileURL(join(dir, 'index.js')).href)) as { default: typeof sourceExtension }).default;
  const api = (await import(/* @vite-ignore */ pathToFileURL(join(dir, 'api.js')).href)) as typeof Api;
  return { extension, api };
}
