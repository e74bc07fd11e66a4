/** The calcification extension for OHIF v3: the modules, each in its own file. */
import { getCommandsModule } from './commands-module.js';
import { getHangingProtocolModule } from './hanging-protocol-module.js';
import { EXTENSION_ID } from './id.js';
import { preRegistration } from './init.js';
import { getPanelModule } from './panel-module.js';
import { getToolbarModule } from './toolbar-module.js';

const calcificationExtension = {
  id: EXTENSION_ID,
  preRegistration,
  getCommandsModule,
  getToolbarModule,
  getPanelModule,
  getHangingProtocolModule,
};

export default calcificationExtension;
