/**
 * preRegistration: registers the hanging-protocol attributes and the Cornerstone3D tools (calcification, calcification region, nipple
 * marker, and the standard calibrated length) with @cornerstonejs/tools. The tools are loaded
 * only here, so that the other modules can be registered where nothing renders (configuration
 * `{ registerTools: false }`).
 */
import { readConfiguration } from './configuration.js';
import { registerMammoAttributes, type CustomAttributeHost } from './mammo-attributes.js';

/** OHIF's preRegistration arguments (the configuration and the services are read). */
export interface PreRegistrationArgs {
  readonly configuration?: unknown;
  readonly servicesManager?: { readonly services?: { readonly hangingProtocolService?: Partial<CustomAttributeHost> } };
}

/** Tool names registered, in order. */
export const TOOL_NAMES = ['Calcification', 'CalcificationRegion', 'NippleMarker', 'Length'] as const;

/**
 * Registers the hanging protocol's laterality and view attributes (when the hanging protocol
 * service is there) and the extension's tools unless the configuration says not to; returns the
 * tool names registered.
 */
export async function preRegistration({ configuration, servicesManager }: PreRegistrationArgs = {}): Promise<string[]> {
  const hp = servicesManager?.services?.hangingProtocolService;
  if (typeof hp?.addCustomAttribute === 'function') registerMammoAttributes(hp as CustomAttributeHost);
  if (readConfiguration(configuration).registerTools === false) return [];
  const { addTool, state } = await import('@cornerstonejs/tools');
  const tools = await import('./tools/index.js');
  const registered: string[] = [];
  for (const Tool of [tools.CalcificationTool, tools.CalcificationRegionTool, tools.NippleMarkerTool, tools.LengthTool]) {
    const name = (Tool as unknown as { toolName: string }).toolName;
    const known = (state as unknown as { tools?: Record<string, unknown> }).tools ?? {};
    if (known[name] === undefined) addTool(Tool);
    registered.push(name);
  }
  return registered;
}
