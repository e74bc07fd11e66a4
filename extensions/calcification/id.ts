/** The extension's id: OHIF module entries are named `<id>.<moduleType>.<name>`. */
export const EXTENSION_ID = '@calcscribe/extension-calcification';

/** Prefix of every command the extension registers, e.g. `calcscribe.undo`. */
export const COMMAND_PREFIX = 'calcscribe';

/** The OHIF command context the commands are registered in. */
export const COMMAND_CONTEXT = 'CALCSCRIBE';

/** The extension's version (its package.json's): the device version written in the SRs it saves. */
export const EXTENSION_VERSION = '0.1.0';
