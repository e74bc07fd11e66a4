/**
 * OHIF's import path reads our SR: the sample exam's SR, written to bytes and read by dcmjs as
 * OHIF reads an instance (naturalized, with sequence accessors), goes through
 * @cornerstonejs/adapters' Cornerstone3D MeasurementReport.generateToolState with the sample
 * images' own headers as Cornerstone metadata. Every calcification comes back as a
 * PlanarFreehandROI annotation on its image, along its outline, with its area; its long axis is
 * the group's Long Axis measurement, the label OHIF lists.
 *
 * What OHIF's SR loader (OHIF Viewers, extensions/cornerstone-dicom-sr:
 * getSopClassHandlerModule.ts, isRehydratable.ts) relies on is checked on the same dataset:
 * the root concept, the image library, a Tracking Unique Identifier and Tracking Identifier in
 * every group, the geometry of every top-level NUM of a group drawn from its NUMs, and a group
 * whose Tracking Identifier names an adapter OHIF maps (PlanarFreehandROI): "rehydratable".
 */
import { adaptersSR } from '@cornerstonejs/adapters';
import { metaData, utilities } from '@cornerstonejs/core';
import dcmjs from 'dcmjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SR_CODES } from '../../../../src/core/codes.js';
import { calcificationsOf, findFinding } from '../../../../src/core/draft/draft-lookup.js';
import { deriveReport } from '../../../../src/core/draft/index.js';
import { buildCalcificationSr, OUTLINE_TRACKING_IDENTIFIER, writeSrPart10 } from '../../../../src/core/report/sr/index.js';
import { readSampleImage, registerImages, type SampleImageMetadata } from './cornerstone-metadata.js';
import { fixedOptions, loadSampleExam, type SampleExam } from './sample-exam-sr.js';

const { MeasurementReport } = adaptersSR.Cornerstone3D;

type Node = Record<string, unknown>;

interface FreehandState {
  readonly sopInstanceUid: string;
  readonly TrackingUniqueIdentifier: string;
  readonly description?: string;
  readonly annotation: {
    readonly metadata: { readonly toolName: string; readonly referencedImageId: string };
    readonly data: {
      readonly contour: { readonly polyline: number[][]; readonly closed: boolean };
      readonly cachedStats: Record<string, { readonly area?: number; readonly areaUnit?: string }>;
    };
  };
}

let sample: SampleExam;
let images: SampleImageMetadata[];
let unregister: () => void;
let dataset: Node;

/** The SR as OHIF holds an instance: read by dcmjs and naturalized (sequences get accessors). */
function asOhifInstance(bytes: Uint8Array): Node {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return dcmjs.data.DicomMetaDictionary.naturalizeDataset(dcmjs.data.DicomMessage.readFile(buffer).dict);
}

const seq = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node]);
const codeValue = (v: unknown): string | undefined => seq(v)[0]?.['CodeValue'] as string | undefined;

function measurementGroups(ds: Node): Node[] {
  const imaging = seq(ds['ContentSequence']).find((i) => codeValue(i['ConceptNameCodeSequence']) === SR_CODES['imaging measurements'].value);
  return seq(imaging?.['ContentSequence']).filter((i) => codeValue(i['ConceptNameCodeSequence']) === SR_CODES['measurement group'].value);
}

beforeAll(async () => {
  sample = await loadSampleExam();
  images = ['RCC.dcm', 'LCC.dcm', 'RMLO.dcm', 'LMLO.dcm'].map(readSampleImage);
  unregister = registerImages(images);
  const sr = buildCalcificationSr(sample.draft, sample.header, fixedOptions());
  if (!sr.ok) throw new Error(sr.error.message);
  dataset = asOhifInstance(writeSrPart10(sr.value));
}, 120_000);

afterAll(() => unregister());

describe("@cornerstonejs/adapters' MeasurementReport (OHIF's import path)", () => {
  it('gives every calcification back as a PlanarFreehandROI on its image, along its outline, with its area', () => {
    const imageIdOf = Object.fromEntries(images.map((i) => [`${i.sopInstanceUid}:1`, i.imageId]));
    const state = MeasurementReport.generateToolState(dataset, imageIdOf, metaData, undefined) as Record<string, FreehandState[]>;
    const outlines = state['PlanarFreehandROI'] ?? [];
    const report = deriveReport(sample.draft);
    const reported = report.findingsDerived.flatMap((d) => {
      const f = findFinding(sample.draft, d.id);
      return f === undefined ? [] : calcificationsOf(sample.draft, f);
    });
    expect(reported.length).toBeGreaterThan(10);
    expect(outlines).toHaveLength(reported.length);
    // Only the calcifications are drawn: findings are not tools.
    expect(Object.keys(state)).toEqual(['PlanarFreehandROI']);

    // Each annotation names its group by Tracking UID: the group's long axis is the measurement OHIF lists beside it.
    const groups = new Map(
      measurementGroups(dataset).map((g) => {
        const items = seq(g['ContentSequence']);
        const uid = items.find((i) => codeValue(i['ConceptNameCodeSequence']) === SR_CODES['tracking uid'].value)?.['UID'] as string;
        return [uid, items] as const;
      }),
    );
    for (const [i, c] of reported.entries()) {
      const a = outlines[i] as FreehandState;
      const file = images.find((im) => im.file === c.imageId) as SampleImageMetadata;
      expect(a.sopInstanceUid).toBe(file.sopInstanceUid);
      expect(a.annotation.metadata.referencedImageId).toBe(file.imageId);
      expect(a.description).toBe('Individual Calcification');
      const { polyline, closed } = a.annotation.data.contour;
      expect(closed).toBe(true);
      // The closing point is dropped by the adapter: one world point per contour point.
      expect(polyline).toHaveLength(c.contour.length);
      for (const [k, world] of polyline.entries()) {
        // Back to Cornerstone's image coordinates (the top left corner of the first pixel at 0, 0): our pixel centre + 0.5.
        const [x, y] = utilities.worldToImageCoords(file.imageId, world as [number, number, number]) as [number, number];
        const p = c.contour[k] as { x: number; y: number };
        expect(Math.abs(x - (p.x + 0.5))).toBeLessThan(1e-3);
        expect(Math.abs(y - (p.y + 0.5))).toBeLessThan(1e-3);
      }
      const stats = a.annotation.data.cachedStats[`imageId:${file.imageId}`];
      expect(Number(stats?.area)).toBeCloseTo(c.measurements.area.mm2 ?? NaN, 12);
      const items = groups.get(a.TrackingUniqueIdentifier);
      expect(items).toBeDefined();
      const longAxis = (items ?? []).find((it) => codeValue(it['ConceptNameCodeSequence']) === SR_CODES['long axis'].value) as Node;
      const mv = seq(longAxis['MeasuredValueSequence'])[0] as Node;
      expect(Number(mv['NumericValue'])).toBeCloseTo(c.measurements.longAxis.mm ?? NaN, 12);
      expect(codeValue(mv['MeasurementUnitsCodeSequence'])).toBe('mm');
    }
  });

  it('is what OHIF loads: the Measurement Report, its image library, tracked groups, drawable NUMs, rehydratable', () => {
    // getSopClassHandlerModule: the root must be the Imaging Measurement Report.
    expect(codeValue(dataset['ConceptNameCodeSequence'])).toBe('126000');
    // _getReferencedImagesList: the Image Library and its group.
    const library = seq(dataset['ContentSequence']).find((i) => codeValue(i['ConceptNameCodeSequence']) === SR_CODES['image library'].value);
    const libraryGroup = seq(library?.['ContentSequence']).find((i) => codeValue(i['ConceptNameCodeSequence']) === SR_CODES['image library group'].value);
    const referenced = seq(libraryGroup?.['ContentSequence']).map((i) => (seq(i['ReferencedSOPSequence'])[0] as Node)['ReferencedSOPInstanceUID']);
    expect(new Set(referenced)).toEqual(new Set(images.map((i) => i.sopInstanceUid)));
    const groups = measurementGroups(dataset);
    expect(groups.length).toBe(deriveReport(sample.draft).findingsDerived.length + sample.draft.calcifications.length);
    let rehydratable = 0;
    for (const g of groups) {
      const items = seq(g['ContentSequence']);
      // _getMeasurements: every group has a Tracking Unique Identifier (its first UIDREF) and a Tracking Identifier.
      const firstUidRef = items.find((i) => i['ValueType'] === 'UIDREF');
      expect(codeValue(firstUidRef?.['ConceptNameCodeSequence'])).toBe(SR_CODES['tracking uid'].value);
      const trackingIdentifier = items.find((i) => codeValue(i['ConceptNameCodeSequence']) === SR_CODES['tracking identifier'].value)?.['TextValue'];
      expect(typeof trackingIdentifier).toBe('string');
      // _processNonGeometricallyDefinedMeasurement: in a group with no top-level SCOORD, each top-level NUM is drawn from its first child, an SCOORD on an image.
      if (!items.some((i) => i['ValueType'] === 'SCOORD')) {
        for (const num of items.filter((i) => i['ValueType'] === 'NUM')) {
          const graphic = seq(num['ContentSequence'])[0];
          expect(graphic?.['ValueType']).toBe('SCOORD');
          expect(seq(seq(graphic?.['ContentSequence'])[0]?.['ReferencedSOPSequence']).length).toBe(1);
        }
      }
      // isRehydratable: a Tracking Identifier whose adapter is a tool OHIF maps.
      const adapter = MeasurementReport.getAdapterForTrackingIdentifier(String(trackingIdentifier)) as { toolType?: string } | undefined;
      if (adapter?.toolType === 'PlanarFreehandROI') rehydratable++;
    }
    expect(rehydratable).toBe(sample.draft.calcifications.length);
    expect(MeasurementReport.getAdapterForTrackingIdentifier(OUTLINE_TRACKING_IDENTIFIER)).toBeDefined();
  });
});
