/** The part of dcmjs (which ships no type definitions) the SR writer and reader use. */
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
      /** By punctuated tag, e.g. "(0040,A730)"; looked up on demand (it lists no keys). */
      dictionary: Record<string, { name: string; vr: string } | undefined>;
    };
    DicomMessage: { readFile(buffer: ArrayBuffer, options?: Record<string, unknown>): { meta: Record<string, unknown>; dict: Record<string, unknown> } };
  }
  const dcmjs: { data: DcmjsData };
  export default dcmjs;
}
