/**
 * The nipple marker: one point per image placed by the radiologist, used instead of the detected
 * nipple for clock-face position and distance from the nipple.
 */
import { ProbeTool, type Types as ToolTypes } from '@cornerstonejs/tools';

export class NippleMarkerTool extends ProbeTool {
  static override toolName = 'NippleMarker';

  constructor(toolProps: ToolTypes.PublicToolProps = {}) {
    super({
      ...toolProps,
      configuration: { ...(toolProps.configuration ?? {}), getTextLines: () => ['nipple'] },
    });
  }
}
