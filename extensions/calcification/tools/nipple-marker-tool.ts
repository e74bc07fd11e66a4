/**
 * The nipple marker: one point per image placed by the radiologist, used instead of the detected
 * nipple for clock-face position and distance from the nipple. A marker dragged to another place
 * says so once, when the drag ends (ANNOTATION_MODIFIED with change type Completed), so that the
 * draft takes the move as one step.
 */
import { getEnabledElement } from '@cornerstonejs/core';
import { annotation as annotationApi, Enums, ProbeTool, type Types as ToolTypes } from '@cornerstonejs/tools';
import { NIPPLE_MARKER_TOOL } from '../annotation-mapping.js';

type EndCallback = (evt: ToolTypes.EventTypes.InteractionEventType) => void;

export class NippleMarkerTool extends ProbeTool {
  static override toolName = NIPPLE_MARKER_TOOL;

  constructor(toolProps: ToolTypes.PublicToolProps = {}) {
    super({
      ...toolProps,
      configuration: { ...(toolProps.configuration ?? {}), getTextLines: () => ['nipple'] },
    });
    const self = this as unknown as { _endCallback: EndCallback; editData: { annotation?: ToolTypes.Annotation; newAnnotation?: boolean } | null };
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
}
