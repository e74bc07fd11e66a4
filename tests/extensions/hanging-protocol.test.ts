import { describe, expect, it } from 'vitest';
import { getHangingProtocolModule, MAMMO_PROTOCOL } from '../../extensions/calcification/hanging-protocol-module.js';
import { lateralityOf, registerMammoAttributes, viewOf } from '../../extensions/calcification/mammo-attributes.js';

type Rule = { attribute: string; constraint: { equals: { value: unknown } } };
type Selector = { seriesMatchingRules: Rule[]; studyMatchingRules?: Rule[] };

describe('mammography hanging protocol', () => {
  const selectors = MAMMO_PROTOCOL.displaySetSelectors as Record<string, Selector>;
  const wants = (id: string) => Object.fromEntries((selectors[id]?.seriesMatchingRules ?? []).map((r) => [r.attribute, r.constraint.equals.value]));

  it('hangs RCC top left, LCC top right, RMLO bottom left, LMLO bottom right', () => {
    const screening = MAMMO_PROTOCOL.stages[0];
    expect(screening?.viewportStructure.properties).toEqual({ rows: 2, columns: 2 });
    expect(screening?.viewports.map((v) => v.displaySets[0]?.id)).toEqual(['RCC', 'LCC', 'RMLO', 'LMLO']);
    expect(wants('RCC')).toMatchObject({ calcscribeLaterality: 'R', calcscribeView: 'CC' });
    expect(wants('LMLO')).toMatchObject({ calcscribeLaterality: 'L', calcscribeView: 'MLO' });
  });

  it('fits the images with the viewer\'s fit (chest wall to the middle) once the viewports have data, not with an OHIF display area', () => {
    expect(MAMMO_PROTOCOL.callbacks.onViewportDataInitialized).toEqual([{ commandName: 'calcscribe.fitMammograms', context: 'CALCSCRIBE' }]);
    for (const stage of MAMMO_PROTOCOL.stages) {
      for (const v of stage.viewports) expect(v.viewportOptions).not.toHaveProperty('displayArea');
    }
  });

  it('compares current above prior, the prior taken from the second study', () => {
    const cc = MAMMO_PROTOCOL.stages.find((s) => s.id === 'compare-cc');
    expect(cc?.viewports.map((v) => v.displaySets[0]?.id)).toEqual(['RCC', 'LCC', 'RCCPrior', 'LCCPrior']);
    expect(selectors['RCCPrior']?.studyMatchingRules?.[0]).toMatchObject({ attribute: 'studyInstanceUIDsIndex', constraint: { equals: { value: 1 } } });
    expect(selectors['RCC']?.studyMatchingRules).toBeUndefined();
    expect(MAMMO_PROTOCOL.numberOfPriorsReferenced).toBe(1);
  });

  it('hands OHIF a copy, so OHIF filling in defaults leaves the protocol as written', () => {
    const [entry] = getHangingProtocolModule();
    expect(entry?.protocol).toEqual(MAMMO_PROTOCOL);
    expect(entry?.protocol).not.toBe(MAMMO_PROTOCOL);
  });
});

describe('laterality and view of a display set', () => {
  it('reads Image Laterality and the coded view of the first instance, falling back to View Position', () => {
    const coded = { instances: [{ ImageLaterality: 'r', ViewCodeSequence: [{ CodeValue: '399368009' }], ViewPosition: 'CC' }] };
    expect(lateralityOf(coded)).toBe('R');
    expect(viewOf(coded)).toBe('MLO');
    expect(viewOf({ instance: { ViewPosition: 'cc' } })).toBe('CC');
    expect(lateralityOf({ instance: { Laterality: 'L' } })).toBe('L');
    expect(lateralityOf({ instances: [{}] })).toBeNull();
    expect(viewOf(null)).toBeNull();
  });

  it('registers both attributes with a hanging protocol service', () => {
    const added: string[] = [];
    registerMammoAttributes({ addCustomAttribute: (id) => added.push(id) });
    expect(added).toEqual(['calcscribeLaterality', 'calcscribeView']);
  });
});
