import { runPhantomCommand } from '../../../test-data/generator/command.js';
import type { CliIo } from '../io.js';

/** `calcscribe phantom --out DIR …`: writes deterministic mammography phantoms with truth JSON. */
export async function runPhantom(args: string[], io: CliIo): Promise<number> {
  return runPhantomCommand(args, io);
}
