/**
 * preRegistration: registers the hanging-protocol attributes and the Cornerstone3D tools (calcification, calcification region, nipple
 * marker, and the standard calibrated length) with @cornerstonejs/tools. The tools are loaded
 * only here, so that the other modules can be registered where nothing renders (configuration
 * `{ registerTools: false }`). With OHIF's commands manager, the nipple markers placed on the
 * viewports then run `calcscribe.placeNipple` (follow-nipple-markers.ts).
 */
import { readConfiguration, storeOf } from './configuration.js';
import { NIPPLE_MARKER_TOOL } from './annotation-mapping.js';
import { followNippleMarkers } from './follow-nipple-markers.js';
import { COMMAND_CONTEXT, COMMAND_PREFIX } from './id.js';
import { registerMammoAttributes, type CustomAttributeHost } from './mammo-attributes.js';

/** OHIF's preRegistration arguments (the configuration and the services are read). */
export interface PreRegistrationArgs {
  readonly configuration?: unknown;
  /** OHIF's commands manager: the nipple markers placed on the viewports run `calcscribe.placeNipple` through it. */
  readonly commandsManager?: { runCommand(name: string, options?: Record<string, unknown>, context?: string): unknown };
  readonly servicesManager?: { readonly services?: { readonly hangingProtocolService?: Partial<CustomAttributeHost> } };
}

/** Tool names registered, in order. */
export const TOOL_NAMES = ['Calcification', 'CalcificationRegion', 'NippleMarker', 'Length'] as const;

/**
 * Registers the hanging protocol's laterality and view attributes (when the hanging protocol
 * service is there) and the extension's tools unless the configuration says not to; returns the
 * tool names registered.
 */
export async function preRegistration({ configuration, commandsManager, servicesManager }: PreRegistrationArgs = {}): Promise<string[]> {
  const hp = servicesManager?.services?.hangingProtocolService;
  if (typeof hp?.addCustomAttribute === 'function') registerMammoAttributes(hp as CustomAttributeHost);
  const config = readConfiguration(configuration);
  if (config.registerTools === false) return [];
  const { addTool, state } = await import('@cornerstonejs/tools');
  const tools = await import('./tools/index.js');
  const registered: string[] = [];
  for (const Tool of [tools.CalcificationTool, tools.CalcificationRegionTool, tools.NippleMarkerTool, tools.LengthTool]) {
    const name = (Tool as unknown as { toolName: string }).toolName;
    const known = (state as unknown as { tools?: Record<string, unknown> }).tools ?? {};
    if (known[name] === undefined) addTool(Tool);
    registered.push(name);
  }
  if (commandsManager !== undefined) {
    const { eventTarget } = await import('@cornerstonejs/core');
    const { annotation } = await import('@cornerstonejs/tools');
    followNippleMarkers(eventTarget, {
      worldToPixel: (imageId, w) => tools.worldToPixel(imageId, [w[0], w[1], w[2]]),
      ...(config.draftImageIdOf !== undefined ? { toDraftImageId: config.draftImageIdOf } : {}),
      markerOf: (imageId) => storeOf(config)?.getState().nippleMarkers[imageId],
      placeNipple: (o) => commandsManager.runCommand(`${COMMAND_PREFIX}.placeNipple`, o, COMMAND_CONTEXT),
      markers: () => (annotation.state.getAllAnnotations() ?? []).filter((a) => a.metadata?.toolName === NIPPLE_MARKER_TOOL) as never,
      remove: (uid) => annotation.state.removeAnnotation(uid),
      say: (message) => console.warn(message),
    });
  }
  return registered;
}
