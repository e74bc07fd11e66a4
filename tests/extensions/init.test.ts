// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { preRegistration, TOOL_NAMES } from '../../extensions/calcification/init.js';

describe('preRegistration', () => {
  it('registers nothing when the configuration says not to', async () => {
    expect(await preRegistration({ configuration: { registerTools: false } })).toEqual([]);
  });

  it('registers the calcification, region, nipple marker and length tools with Cornerstone, once', async () => {
    const names = await preRegistration({ configuration: {} });
    expect(names).toEqual([...TOOL_NAMES]);
    const { state } = await import('@cornerstonejs/tools');
    const tools = (state as unknown as { tools: Record<string, { toolClass: { toolName: string } }> }).tools;
    for (const name of TOOL_NAMES) expect(tools[name]?.toolClass.toolName).toBe(name);
    expect(await preRegistration({})).toEqual([...TOOL_NAMES]);
  });

  it('registers the laterality, view and view-modifier attributes with the hanging protocol service it is given', async () => {
    const added: string[] = [];
    await preRegistration({ configuration: { registerTools: false }, servicesManager: { services: { hangingProtocolService: { addCustomAttribute: (id: string) => added.push(id) } } } });
    expect(added).toEqual(['calcscribeLaterality', 'calcscribeView', 'calcscribeViewModifiers']);
  });
});
