import { describe, expect, it } from 'vitest';
import { ALL_IMAGES_PAGE, getHangingProtocolModule, MAMMO_PROTOCOL, viewsInRow } from '../../extensions/calcification/hanging-protocol-module.js';
import { lateralityOf, registerMammoAttributes, viewModifiersOf, viewOf } from '../../extensions/calcification/mammo-attributes.js';
import { VIEWS } from '../../src/core/locate/view-axis.js';

type Rule = { attribute: string; constraint: { equals: { value: unknown } } };
type Selector = { seriesMatchingRules: Rule[]; studyMatchingRules?: Rule[] };

describe('mammography hanging protocol', () => {
  const selectors = MAMMO_PROTOCOL.displaySetSelectors as Record<string, Selector>;
  const wants = (id: string) => Object.fromEntries((selectors[id]?.seriesMatchingRules ?? []).filter((r) => 'equals' in r.constraint).map((r) => [r.attribute, r.constraint.equals.value]));

  it('hangs RCC top left, LCC top right, RMLO bottom left, LMLO bottom right', () => {
    const screening = MAMMO_PROTOCOL.stages[0];
    expect(screening?.viewportStructure.properties).toEqual({ rows: 2, columns: 2 });
    expect(screening?.viewports.map((v) => v.displaySets[0]?.id)).toEqual(['RCC', 'LCC', 'RMLO', 'LMLO']);
    expect(wants('RCC')).toMatchObject({ calcscribeLaterality: 'R', calcscribeView: 'CC' });
    expect(wants('LMLO')).toMatchObject({ calcscribeLaterality: 'L', calcscribeView: 'MLO' });
  });

  it('takes the views of each row from the core\'s views table, required, and prefers whole-breast images', () => {
    expect(viewsInRow('CC')).toEqual((Object.keys(VIEWS) as (keyof typeof VIEWS)[]).filter((v) => VIEWS[v].hangsAs === 'CC'));
    expect(viewsInRow('CC')).toEqual(['CC', 'XCCL', 'XCCM']);
    expect(viewsInRow('MLO')).toEqual(['MLO', 'ML', 'LM', 'LMO']);
    const rule = (id: string, attribute: string, kind: string) =>
      (selectors[id]?.seriesMatchingRules as unknown as { attribute: string; required?: boolean; constraint: Record<string, unknown> }[]).find((r) => r.attribute === attribute && kind in r.constraint);
    expect(rule('LMLOPrior', 'calcscribeView', 'includes')).toMatchObject({ required: true, constraint: { includes: { value: ['MLO', 'ML', 'LM', 'LMO'] } } });
    expect(rule('RCC', 'calcscribeViewModifiers', 'doesNotInclude')?.constraint).toEqual({ doesNotInclude: { value: ['spot-compression', 'magnification'] } });
  });

  it('shows every image of the current study on pages of eight after the comparison stages', () => {
    const pages = MAMMO_PROTOCOL.stages.filter((s) => s.id.startsWith('all-images-'));
    expect(pages).toHaveLength(ALL_IMAGES_PAGE.pages);
    const indices = pages.flatMap((s) => s.viewports.map((v) => v.displaySets[0]?.matchedDisplaySetsIndex));
    expect(indices).toEqual(Array.from({ length: ALL_IMAGES_PAGE.pages * ALL_IMAGES_PAGE.rows * ALL_IMAGES_PAGE.columns }, (_, i) => i));
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
    // The current slots are held to the current study: OHIF breaks equal scores by study UID, so a prior could take them.
    expect(selectors['RCC']?.studyMatchingRules?.[0]).toMatchObject({ attribute: 'studyInstanceUIDsIndex', constraint: { equals: { value: 0 } } });
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

  it('reads View Position through the views table, Patient Orientation last, and nothing that names no view', () => {
    expect(viewOf({ instances: [{ ViewPosition: ' xccl ' }] })).toBe('XCCL');
    expect(viewOf({ instances: [{ ViewPosition: 'AP' }] })).toBeNull();
    expect(viewOf({ instances: [{ PatientOrientation: ['P', 'FL'] }] })).toBe('MLO');
    expect(viewOf({ instances: [{ PatientOrientation: 'A\\R' }] })).toBe('CC');
    expect(viewOf({ instances: [{ ViewPosition: 'ML', PatientOrientation: ['P', 'L'] }] })).toBe('ML');
    // A coded view the core does not name (CID 4014 ISO) leaves View Position to say.
    expect(viewOf({ instances: [{ ViewCodeSequence: [{ CodeValue: '441555000', CodingSchemeDesignator: 'SCT' }], ViewPosition: 'SIO' }] })).toBe('SIO');
  });

  it('reads the view modifiers inside the view item and at the top level, in SCT and SRT', () => {
    const ds = {
      instances: [
        {
          ViewCodeSequence: [{ CodeValue: '399162004', ViewModifierCodeSequence: [{ CodeValue: '399055006', CodingSchemeDesignator: 'SCT' }] }],
          ViewModifierCodeSequence: { CodeValue: 'R-102D6', CodingSchemeDesignator: 'SRT' },
        },
      ],
    };
    expect(viewModifiersOf(ds)).toEqual(['magnification', 'spot-compression']);
    expect(viewModifiersOf({ instances: [{}] })).toEqual([]);
    expect(viewModifiersOf(undefined)).toEqual([]);
  });

  it('registers the three attributes with a hanging protocol service', () => {
    const added: string[] = [];
    registerMammoAttributes({ addCustomAttribute: (id) => added.push(id) });
    expect(added).toEqual(['calcscribeLaterality', 'calcscribeView', 'calcscribeViewModifiers']);
  });
});
