/**
 * The nipple marker: one point per image placed by the radiologist, used instead of the detected
 * nipple for clock-face position and distance from the nipple. A marker dragged to another place
 * says so once, when the drag ends (ANNOTATION_MODIFIED with change type Completed), so that the
 * draft takes the move as one step. Given `editRefusal` (configuration), a marker is neither placed
 * nor moved while it answers a reason (e.g. this tab is read-only): it can still be selected, and
 * `onFailure` is told the reason.
 */
import { getEnabledElement } from '@cornerstonejs/core';
import { annotation as annotationApi, Enums, ProbeTool, type Types as ToolTypes } from '@cornerstonejs/tools';
import { NIPPLE_MARKER_TOOL } from '../annotation-mapping.js';

type EndCallback = (evt: ToolTypes.EventTypes.InteractionEventType) => void;
type AddNew = (evt: ToolTypes.EventTypes.InteractionEventType, interactionType?: ToolTypes.InteractionTypes) => ToolTypes.Annotation | undefined;
type DragCallback = (evt: ToolTypes.EventTypes.InteractionEventType) => void;

export interface NippleMarkerToolConfiguration {
  /** Why markers may not be placed or moved now, or null when they may. Absent: always. */
  editRefusal?: (() => string | null) | null;
  /** Told the refusal, e.g. "nipple marker not placed: this tab is read-only". */
  onFailure?: ((message: string, imageId: string) => void) | null;
}

export class NippleMarkerTool extends ProbeTool {
  static override toolName = NIPPLE_MARKER_TOOL;

  constructor(toolProps: ToolTypes.PublicToolProps = {}) {
    super({
      ...toolProps,
      configuration: { ...(toolProps.configuration ?? {}), getTextLines: () => ['nipple'] },
    });
    const self = this as unknown as {
      _endCallback: EndCallback;
      _dragCallback: DragCallback;
      addNewAnnotation: AddNew;
      editData: { annotation?: ToolTypes.Annotation; newAnnotation?: boolean } | null;
    };
    const add = self.addNewAnnotation;
    self.addNewAnnotation = (evt, interactionType) => {
      if (this.refused('placed', evt)) {
        evt.preventDefault();
        return undefined;
      }
      return add(evt, interactionType);
    };
    // Pressing on a marker selects it; dragging it moves it, unless refused (said once per drag).
    const drag = self._dragCallback;
    let refusedDrag: object | null = null;
    self._dragCallback = (evt) => {
      const editing = self.editData;
      if (editing !== null && editing.newAnnotation !== true && (refusedDrag === editing || this.refused('moved', evt))) {
        refusedDrag = editing;
        return;
      }
      drag(evt);
    };
    const end = self._endCallback;
    self._endCallback = (evt) => {
      const moved = self.editData?.newAnnotation === true ? undefined : self.editData?.annotation;
      end(evt);
      const element = evt.detail.element;
      if (moved !== undefined && getEnabledElement(element) !== undefined && annotationApi.state.getAnnotation(moved.annotationUID as string) !== undefined) {
        annotationApi.state.triggerAnnotationModified(moved, element, Enums.ChangeTypes.Completed);
      }
    };
  }

  private get markerConfig(): NippleMarkerToolConfiguration {
    return this.configuration as NippleMarkerToolConfiguration;
  }

  /** Whether placing or moving a marker is refused now; the refusal is told. */
  private refused(what: 'placed' | 'moved', evt: ToolTypes.EventTypes.InteractionEventType): boolean {
    const refusal = this.markerConfig.editRefusal?.() ?? null;
    if (refusal === null) return false;
    const viewport = getEnabledElement(evt.detail.element)?.viewport as { getCurrentImageId?: () => string } | undefined;
    this.markerConfig.onFailure?.(`nipple marker not ${what}: ${refusal}`, viewport?.getCurrentImageId?.() ?? '');
    return true;
  }
}
