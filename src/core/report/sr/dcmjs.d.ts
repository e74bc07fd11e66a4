/** The part of dcmjs (which ships no type definitions) the SR writer uses. */
declare module 'dcmjs' {
  interface DcmjsDicomDict {
    dict: Record<string, unknown>;
    write(options?: Record<string, unknown>): ArrayBuffer;
  }
  interface DcmjsData {
    DicomDict: new (meta: Record<string, unknown>) => DcmjsDicomDict;
    DicomMetaDictionary: {
      denaturalizeDataset(ds: Record<string, unknown>): Record<string, unknown>;
      naturalizeDataset(ds: Record<string, unknown>): Record<string, unknown>;
    };
    DicomMessage: { readFile(buffer: ArrayBuffer, options?: Record<string, unknown>): { meta: Record<string, unknown>; dict: Record<string, unknown> } };
  }
  const dcmjs: { data: DcmjsData };
  export default dcmjs;
}
