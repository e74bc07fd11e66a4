/**
 * Starts Cornerstone3D once for the page: core, its DICOM metadata providers, the loader of the
 * images the analysis worker decoded (Cornerstone decodes nothing itself, see
 * shared-image-loader.ts) and the tools, with one rendering engine and one tool group for all viewports.
 */
import { init as initCore, RenderingEngine } from '@cornerstonejs/core';
import { registerDefaultProviders } from '@cornerstonejs/metadata';
import { addTool, init as initTools, LengthTool, PanTool, ToolGroupManager, ZoomTool, Enums as ToolEnums, type Types as ToolTypes } from '@cornerstonejs/tools';
import { preRegistration } from '../../../extensions/calcification/init.js';
import { CalcificationRegionTool, CalcificationTool, NippleMarkerTool, type CalcificationAnalyser } from '../../../extensions/calcification/tools/index.js';
import { registerDecodedImageLoader } from './shared-image-loader.js';

export const RENDERING_ENGINE_ID = 'calcscribe';
export const TOOL_GROUP_ID = 'calcscribe-mammo';
/** A second press this soon at the same place is the second half of a double click. */
const DOUBLE_PRESS_MS = 400;

/** The interaction the left mouse button does. */
export type PrimaryTool = 'calcification' | 'rectangle' | 'lasso' | 'nipple' | 'length' | 'pan';

const TOOL_NAMES: Record<PrimaryTool, string> = {
  calcification: CalcificationTool.toolName,
  rectangle: CalcificationRegionTool.toolName,
  lasso: `${CalcificationRegionTool.toolName}Lasso`,
  nipple: NippleMarkerTool.toolName,
  length: LengthTool.toolName,
  pan: PanTool.toolName,
};

export interface CornerstoneSession {
  readonly engine: RenderingEngine;
  readonly toolGroup: ToolTypes.IToolGroup;
  setPrimaryTool(tool: PrimaryTool): void;
  /**
   * A left-button press at a canvas position of a viewport element: with the calcification tool
   * chosen, measures the calcification there at once (the second press of a double click is
   * ignored). Returns true when it started a measurement.
   */
  press(element: HTMLDivElement, canvas: [number, number]): boolean;
  /** Selects the calcification outline at a canvas position of a viewport element (the keyboard's press on it); false when there is none. */
  selectAt(element: HTMLDivElement, canvas: [number, number]): boolean;
}

let session: Promise<CornerstoneSession> | null = null;

/**
 * Initialises Cornerstone (once) and returns the shared rendering engine and tool group.
 * `editRefusal`: why the draft shown may not be changed now (this tab is read-only), else null;
 * outlines and nipple markers are then neither dragged nor placed, and onFailure is told why.
 */
export function startCornerstone(
  analyse: CalcificationAnalyser,
  onFailure: (message: string, imageId: string) => void,
  editRefusal: () => string | null = () => null,
): Promise<CornerstoneSession> {
  session ??= (async () => {
    await initCore();
    registerDefaultProviders();
    registerDecodedImageLoader();
    initTools();
    // The extension registers its tools (calcification, region, nipple marker, length) as it does in OHIF; the viewer adds pan and zoom.
    await preRegistration({ configuration: {} });
    for (const T of [PanTool, ZoomTool]) addTool(T);
    const engine = new RenderingEngine(RENDERING_ENGINE_ID);
    const group = ToolGroupManager.createToolGroup(TOOL_GROUP_ID);
    if (!group) throw new Error('tool group could not be created');
    group.addTool(CalcificationTool.toolName, { analyse, onFailure, editRefusal });
    group.addTool(CalcificationRegionTool.toolName, { shape: 'rectangle', analyse, onFailure });
    group.addToolInstance(TOOL_NAMES.lasso, CalcificationRegionTool.toolName, { shape: 'lasso', analyse, onFailure });
    group.addTool(NippleMarkerTool.toolName, { editRefusal, onFailure });
    group.addTool(LengthTool.toolName);
    group.addTool(PanTool.toolName);
    group.addTool(ZoomTool.toolName);
    group.setToolActive(ZoomTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Secondary }] });
    group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Auxiliary }] });
    let current: PrimaryTool | null = null;
    const setPrimaryTool = (tool: PrimaryTool): void => {
      if (current !== null && current !== 'pan') group.setToolPassive(TOOL_NAMES[current]);
      if (current === 'pan') group.setToolActive(PanTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Auxiliary }] });
      const bindings = [{ mouseButton: ToolEnums.MouseBindings.Primary }];
      // The calcification tool measures on the press itself (see press); it stays passive so its outlines can be selected.
      if (tool === 'calcification') group.setToolPassive(CalcificationTool.toolName);
      else if (tool === 'pan') group.setToolActive(PanTool.toolName, { bindings: [...bindings, { mouseButton: ToolEnums.MouseBindings.Auxiliary }] });
      else group.setToolActive(TOOL_NAMES[tool], { bindings });
      current = tool;
    };
    setPrimaryTool('calcification');
    for (const name of [NippleMarkerTool.toolName, LengthTool.toolName]) group.setToolPassive(name);
    let last: { t: number; x: number; y: number } | null = null;
    const press = (element: HTMLDivElement, canvas: [number, number]): boolean => {
      if (current !== 'calcification') return false;
      const t = performance.now();
      const repeat = last !== null && t - last.t < DOUBLE_PRESS_MS && Math.hypot(canvas[0] - last.x, canvas[1] - last.y) < 4;
      last = { t, x: canvas[0], y: canvas[1] };
      if (repeat) return false;
      const tool = group.getToolInstance(CalcificationTool.toolName) as CalcificationTool | undefined;
      return tool?.addAtCanvas(element, canvas) != null;
    };
    const selectAt = (element: HTMLDivElement, canvas: [number, number]): boolean =>
      (group.getToolInstance(CalcificationTool.toolName) as CalcificationTool | undefined)?.selectAtCanvas(element, canvas) ?? false;
    return { engine, toolGroup: group, setPrimaryTool, press, selectAt };
  })();
  return session;
}
