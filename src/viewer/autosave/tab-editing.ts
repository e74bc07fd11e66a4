/**
 * One exam open in several tabs of one browser: one tab edits, the others are read-only and show
 * what is stored. The tab holding the Web Lock named after the exam edits; a tab that cannot get
 * it at once is read-only and queues for it (it edits when the other tab closes). "Take over" asks
 * the editing tab (BroadcastChannel) to save and hand over; once it has saved and stopped editing
 * it says so to the tab that asked, which takes the lock from it (`steal`, ahead of the other tabs
 * queued for it): with three or more tabs, the one that asked edits, and only ever one at a time.
 * Whichever tab starts editing reads the stored draft back when another tab saved since. The saves
 * themselves are compare-and-set on the stored revision (start-autosave), so no save ever goes over another's.
 */
import type { ExamDraft } from '../../core/draft/exam-draft.js';
import { newExamDraft } from '../../core/draft/new-exam-draft.js';
import { loadDraft, saveDraft, type SaveOutcome, type StorageResult } from './draft-database.js';
import { CHECKING_OTHER_TABS, createEditGate, type EditGate } from './edit-gate.js';
import { withImagesOpenedNow } from './restore-draft.js';
import { startAutosave, type AutosaveOptions, type DraftSource } from './start-autosave.js';

/** The draft as the tab coordination needs it: read, watched, and replaced by the stored one. */
export interface EditableDraft extends DraftSource {
  load(draft: ExamDraft): void;
}

/** The part of the Web Locks API used here (navigator.locks). */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<void> | void): Promise<unknown>;
}

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  close(): void;
}

export const EDITING_CHANNEL = 'calcscribe-exam-editing';
export const editingLockName = (examKey: string): string => `calcscribe-exam-editing:${examKey}`;

export const READ_ONLY_MESSAGE =
  'This exam is open for editing in another tab of this browser; this tab is read-only. Close the other tab or take over editing here.';

/**
 * checking: asking for the lock; editing (uncoordinated: this browser cannot tell other tabs
 * apart, only the compare-and-set guards the saves); read-only; taking-over: the other tab was
 * asked to save and hand over.
 */
export type EditingMode = 'checking' | 'editing' | 'read-only' | 'taking-over';

/** What the "draft saved" indicator shows: "saved" only when the draft shown is the one stored. */
export type AutosaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saved'; readonly revision: number }
  | { readonly kind: 'kept-newer'; readonly storedRevision: number }
  | { readonly kind: 'conflict'; readonly storedRevision: number | null; readonly baseRevision: number | null }
  | { readonly kind: 'failed'; readonly message: string };

export interface TabEditingState {
  readonly mode: EditingMode;
  /** True when this browser offers no Web Locks: other tabs cannot be detected, only conflicting saves refused. */
  readonly uncoordinated: boolean;
  readonly save: AutosaveStatus;
  /** A one-off explanation (the other tab did not answer, editing was taken over here…). */
  readonly notice: string | null;
}

export interface TabEditing {
  state(): TabEditingState;
  subscribe(listener: () => void): () => void;
  /** Asks the editing tab to save and hand over; this tab edits once it has the stored draft. */
  takeOver(): void;
  /** The confirmed "discard draft" (refused while read-only). */
  discard(): Promise<StorageResult<void>>;
  /** Saves what is pending (when editing), lets go of the lock and stops listening. */
  stop(): Promise<void>;
  /** The stored revision this tab's draft was last read or saved at (undefined: unknown). */
  baseRevision(): number | null | undefined;
}

export interface TabEditingOptions extends Omit<AutosaveOptions, 'onResult' | 'baseRevision'> {
  /**
   * The stored revision the draft shown was read from (null: none was stored; undefined: unknown,
   * e.g. the saved draft could not be read, and saves keep only the newer-revision rule).
   */
  readonly baseRevision?: number | null;
  /** Default navigator.locks (absent outside secure contexts). */
  readonly locks?: LockManagerLike | null;
  /** Default a BroadcastChannel named EDITING_CHANNEL. */
  readonly channel?: ChannelLike | null;
  /** The gate edits go through; default a new one. */
  readonly gate?: EditGate;
  /** How long "take over" waits for the other tab, ms. Default 10 s. */
  readonly takeOverTimeoutMs?: number;
}

/**
 * hand-over: "save and let me edit"; handed-over (to the tab that asked): "saved, not editing any
 * more: take the lock"; editing: "this tab edits now" (a tab still waiting to take over asks it in
 * turn); saved: "the stored draft changed".
 */
const MESSAGE_TYPES = ['hand-over', 'handed-over', 'editing', 'saved'] as const;
type Message = { readonly type: (typeof MESSAGE_TYPES)[number]; readonly examKey: string; readonly from: string; readonly to?: string };

function isMessage(v: unknown): v is Message {
  const m = v as Partial<Message> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    MESSAGE_TYPES.includes(m.type as Message['type']) &&
    typeof m.examKey === 'string' &&
    typeof m.from === 'string' &&
    (m.to === undefined || typeof m.to === 'string')
  );
}

function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

function defaultChannel(): ChannelLike | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(EDITING_CHANNEL);
}

/**
 * Per exam key, this tab's editing of it that is stopping (saving, then letting go of the lock):
 * the next one (the same exam shown again) waits for it rather than finding its own tab editing.
 */
const stopping = new Map<string, Promise<void>>();

/** The stored revision each draft store was last read or saved at in this tab (a panel shown again goes on from it). */
const knownStored = new WeakMap<EditableDraft, number | null>();

/** Per draft store, the end of this tab's editing of it now running (settled once it has stopped). */
const editingEnds = new WeakMap<EditableDraft, Promise<void>>();

/** Per exam key, the saves of its draft made while it is not shown (saveNotShownDraft): the exam shown again waits for them. */
const notShownSaves = new Map<string, Promise<void>>();

/** The refusal told to an edit in each mode. */
function refusalIn(mode: EditingMode): string | null {
  switch (mode) {
    case 'editing':
      return null;
    case 'checking':
      return CHECKING_OTHER_TABS;
    case 'read-only':
    case 'taking-over':
      return 'this exam is open for editing in another tab of this browser; this tab is read-only';
  }
}

/** Starts coordinating this tab's editing of one exam's draft (and its autosave). */
export function startTabEditing(store: EditableDraft, examKey: string, options: TabEditingOptions = {}): TabEditing {
  const locks = options.locks !== undefined ? options.locks : defaultLocks();
  const channel = options.channel !== undefined ? options.channel : defaultChannel();
  const gate = options.gate ?? createEditGate();
  const tabId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const listeners = new Set<() => void>();
  let state: TabEditingState = { mode: 'checking', uncoordinated: locks === null, save: { kind: 'idle' }, notice: null };
  let stopped = false;
  let release: (() => void) | null = null;
  let waiting: AbortController | null = null;
  let takeOverTimer: ReturnType<typeof setTimeout> | null = null;
  let stoppingNow: Promise<void> | null = null;
  // After handing over: lets go of the lock this tab still holds until the tab that asked takes it.
  let handedOver: { readonly letGo: () => void; readonly timer: ReturnType<typeof setTimeout> } | null = null;
  const timeoutMs = options.takeOverTimeoutMs ?? 10_000;

  const emit = (): void => {
    for (const l of [...listeners]) l();
  };
  const update = (next: Partial<TabEditingState>): void => {
    state = { ...state, ...next };
    gate.set(refusalIn(state.mode));
    emit();
  };
  const post = (type: Message['type'], to?: string): void => {
    const m: Message = { type, examKey, from: tabId, ...(to !== undefined ? { to } : {}) };
    channel?.postMessage(m);
  };
  /** The lock this tab held after handing over is gone (taken, or let go): its hold ends. */
  const endHandedOver = (): void => {
    const h = handedOver;
    handedOver = null;
    if (h === null) return;
    clearTimeout(h.timer);
    h.letGo();
  };

  const onSaved = (r: StorageResult<SaveOutcome>): void => {
    if (stopped) return;
    if (!r.ok) {
      update({ save: { kind: 'failed', message: r.message } });
      return;
    }
    const v = r.value;
    if (v.kind === 'saved') {
      post('saved');
      // "Saved" only when the draft shown is the revision just stored; else a later save is due.
      update({ save: store.getState().revision === v.revision ? { kind: 'saved', revision: v.revision } : { kind: 'pending' } });
    } else if (v.kind === 'kept-newer') update({ save: { kind: 'kept-newer', storedRevision: v.storedRevision } });
    else update({ save: { kind: 'conflict', storedRevision: v.storedRevision, baseRevision: v.baseRevision } });
  };

  const auto = startAutosave(store, examKey, {
    ...(options.delayMs !== undefined ? { delayMs: options.delayMs } : {}),
    ...(options.factory !== undefined ? { factory: options.factory } : {}),
    ...(options.documentTarget !== undefined ? { documentTarget: options.documentTarget } : {}),
    ...(options.windowTarget !== undefined ? { windowTarget: options.windowTarget } : {}),
    ...(options.baseRevision !== undefined ? { baseRevision: options.baseRevision } : {}),
    onResult: onSaved,
  });
  auto.pause();

  // A change of the draft shown is "not yet saved" until a save confirms it; a refused save stays said.
  const unsubscribe = store.subscribe(() => {
    const k = state.save.kind;
    if (stopped || state.mode !== 'editing' || k === 'conflict') return;
    if (store.getState().revision !== auto.savedRevision()) update({ save: { kind: 'pending' } });
  });

  /** Shows the stored draft when another tab saved since this tab's draft was read or saved. */
  const catchUp = async (): Promise<void> => {
    const base = auto.baseRevision();
    const r = await loadDraft(examKey, options.factory);
    if (stopped) return;
    if (!r.ok) {
      update({ save: { kind: 'failed', message: r.message } });
      return;
    }
    const stored = r.value;
    const shown = store.getState();
    if (stored === null) {
      // Discarded in the other tab: this tab shows the empty draft too.
      if (base !== null && base !== undefined) {
        auto.adoptStored(null);
        store.load(newExamDraft(examKey, shown.images));
      }
      update({ save: { kind: 'idle' } });
      return;
    }
    if (stored.revision !== base) {
      auto.adoptStored(stored.revision);
      store.load(withImagesOpenedNow(stored, shown));
      update({ save: { kind: 'saved', revision: stored.revision } });
    } else if (shown.revision === stored.revision) update({ save: { kind: 'saved', revision: stored.revision } });
    // Else this tab's own changes since the stored revision are shown, and the status says they are not saved.
  };

  /** Holds the lock: this tab edits (after reading back what another tab stored) until told to hand over. */
  const hold = async (): Promise<void> => {
    if (stopped) return;
    if (takeOverTimer !== null) clearTimeout(takeOverTimer);
    takeOverTimer = null;
    const took = state.mode === 'taking-over';
    await catchUp();
    if (stopped) return;
    auto.resume();
    update({ mode: 'editing', notice: took ? 'Editing was handed over to this tab; it shows the draft the other tab saved.' : null });
    post('editing');
    await new Promise<void>((resolve) => {
      release = resolve;
    });
  };

  /**
   * Asks for the lock and edits while holding it. When the lock is taken from this tab (another
   * tab took over after this one handed over), the hold ends; taken without a hand-over, this tab
   * stops editing at once and says so.
   */
  const requestLock = (lockOptions: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }, onUnavailable: () => void): Promise<void> =>
    locks === null
      ? Promise.resolve()
      : locks
          .request(editingLockName(examKey), lockOptions, async (lock) => {
            if (lock === null) {
              onUnavailable();
              return;
            }
            if (lockOptions.signal !== undefined) waiting = null;
            await hold();
          })
          .then(
            () => undefined,
            (e: unknown) => {
              if (lockOptions.signal?.aborted === true) return;
              if (handedOver !== null) {
                endHandedOver();
                return;
              }
              if (stopped) return;
              const r = release as (() => void) | null;
              release = null;
              r?.();
              if (state.mode === 'editing') {
                gate.set(refusalIn('read-only'));
                readOnly('Editing was taken by another tab of this browser.');
                return;
              }
              // Without the lock this tab cannot know it is alone: it stays read-only and says why.
              update({ mode: 'read-only', notice: `other tabs could not be checked (${e instanceof Error ? e.message : String(e)})` });
            },
          );

  /** Read-only: shows what is stored, and queues for the lock (granted when the editing tab closes or hands over). */
  const readOnly = (notice: string | null): void => {
    auto.pause();
    update({ mode: 'read-only', notice });
    void catchUp();
    if (locks === null || waiting !== null) return;
    const abort = new AbortController();
    waiting = abort;
    void requestLock({ signal: abort.signal }, () => undefined);
  };

  const claim = (): void => {
    if (stopped) return;
    const known = knownStored.get(store);
    if (known !== undefined && auto.baseRevision() !== undefined) auto.adoptStored(known);
    if (locks === null) {
      auto.resume();
      update({ mode: 'editing' });
      return;
    }
    void requestLock({ ifAvailable: true }, () => {
      if (!stopped) readOnly(null);
    });
  };
  let ended: () => void = () => undefined;
  const end = new Promise<void>((resolve) => {
    ended = resolve;
  });
  editingEnds.set(store, end);
  const previous = [stopping.get(examKey), notShownSaves.get(examKey)].filter((p) => p !== undefined);
  if (previous.length === 0) claim();
  else void Promise.all(previous).then(claim);

  /**
   * Saves, stops editing, and tells the tab that asked to take the lock (it goes ahead of the other
   * tabs queued for it); if that tab does not take it in time (closed meanwhile), the lock is let go.
   */
  const handOver = async (to: string): Promise<void> => {
    // No edit between the last save and the hand-over.
    gate.set(refusalIn('read-only'));
    await auto.flush();
    const letGo = release as (() => void) | null;
    release = null;
    readOnly('Editing was taken over in another tab of this browser; this tab saved its draft first.');
    if (letGo === null) return;
    if (stopped) {
      letGo();
      return;
    }
    handedOver = { letGo, timer: setTimeout(endHandedOver, timeoutMs) };
    post('handed-over', to);
  };

  /** The editing tab handed over to this one: this tab takes the lock from it. */
  const takeHandedOver = (): void => {
    waiting?.abort();
    waiting = null;
    void requestLock({ steal: true }, () => undefined);
  };

  const onMessage = (e: MessageEvent): void => {
    const m: unknown = e.data;
    if (stopped || !isMessage(m) || m.examKey !== examKey || m.from === tabId) return;
    if (m.type === 'hand-over' && state.mode === 'editing' && release !== null) void handOver(m.from);
    else if (m.type === 'handed-over' && m.to === tabId && state.mode === 'taking-over') takeHandedOver();
    // Another tab was given editing while this one waited to take over: this one asks it in turn.
    else if (m.type === 'editing' && state.mode === 'taking-over') post('hand-over');
    else if (m.type === 'saved' && (state.mode === 'read-only' || state.mode === 'taking-over')) void catchUp();
  };
  channel?.addEventListener('message', onMessage);

  return {
    state: () => state,
    baseRevision: () => auto.baseRevision(),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    takeOver() {
      if (stopped || state.mode !== 'read-only') return;
      if (channel === null) {
        update({ notice: 'this browser cannot ask the other tab to hand over: close the other tab to edit here' });
        return;
      }
      update({ mode: 'taking-over', notice: null });
      post('hand-over');
      takeOverTimer = setTimeout(() => {
        takeOverTimer = null;
        if (!stopped && state.mode === 'taking-over') update({ mode: 'read-only', notice: 'The other tab did not hand over editing: it may be busy or frozen. Close it to edit here.' });
      }, timeoutMs);
    },
    async discard() {
      if (state.mode !== 'editing') return { ok: false, message: refusalIn(state.mode) ?? 'not editing' };
      const r = await auto.discard();
      if (r.ok) post('saved');
      update({ save: r.ok ? { kind: 'idle' } : { kind: 'failed', message: r.message } });
      return r;
    },
    stop() {
      if (stopped || stoppingNow !== null) return stoppingNow ?? Promise.resolve();
      if (takeOverTimer !== null) clearTimeout(takeOverTimer);
      unsubscribe();
      channel?.removeEventListener('message', onMessage);
      waiting?.abort();
      waiting = null;
      const done = (async () => {
        await auto.stop();
        stopped = true;
        gate.set(CHECKING_OTHER_TABS);
        const base = auto.baseRevision();
        if (base !== undefined) knownStored.set(store, base);
        ended();
        if (editingEnds.get(store) === end) editingEnds.delete(store);
        const r = release as (() => void) | null;
        release = null;
        r?.();
        endHandedOver();
        if (options.channel === undefined) channel?.close();
      })();
      stoppingNow = done;
      stopping.set(examKey, done);
      void done.then(() => {
        if (stopping.get(examKey) === done) stopping.delete(examKey);
      });
      return done;
    },
  };
}

/**
 * Saves the draft of an exam that is not on screen (its editing stops when another exam is shown;
 * a calcification measured after the switch went into it). It waits until that editing has stopped
 * (its last save), then saves from the stored revision this tab last read or saved: a draft another
 * tab saved meanwhile is kept (`conflict`), never replaced. Already stored (the stop's last save
 * held the change): `saved`, without writing again. The exam shown again meanwhile waits for this
 * save, and its editing goes on from the revision stored here.
 */
export function saveNotShownDraft(store: EditableDraft, examKey: string, factory?: IDBFactory): Promise<StorageResult<SaveOutcome>> {
  const before = Promise.all([editingEnds.get(store), stopping.get(examKey), notShownSaves.get(examKey)]);
  const done = before.then(async (): Promise<StorageResult<SaveOutcome>> => {
    const draft = store.getState();
    const known = knownStored.get(store);
    if (known !== undefined && known === draft.revision) return { ok: true, value: { kind: 'saved', revision: draft.revision } };
    const r = await saveDraft(draft, factory, known === undefined ? undefined : { baseRevision: known });
    if (r.ok && r.value.kind === 'saved' && known !== undefined) knownStored.set(store, r.value.revision);
    return r;
  });
  const settled = done.then(() => undefined);
  notShownSaves.set(examKey, settled);
  void settled.then(() => {
    if (notShownSaves.get(examKey) === settled) notShownSaves.delete(examKey);
  });
  return done;
}
