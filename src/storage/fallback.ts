/** A ProgressStore that moves to memory, for the rest of the session, once IndexedDB fails. */
import type { ProgressStore, StoreOptions } from './progress';
import type { StorageStatus } from './status';

/** Options of `withFallback`. */
export interface FallbackOptions extends StoreOptions {
  /** Called once, when the store switches to memory. */
  onSwitch: (status: StorageStatus) => void;
  /** Called once the primary store was copied, to release it (e.g. close the connection). */
  release?: () => void;
}

/** The wrapped store, and a way to switch it to memory from outside (e.g. another tab upgrades). */
export interface FallbackStore {
  store: ProgressStore;
  switchToMemory(status: StorageStatus): Promise<ProgressStore>;
}

// Errors caused by the value passed in, not by storage: memory would refuse it too.
const INPUT_ERRORS = new Set(['DataError', 'DataCloneError']);

function isInputError(error: unknown): boolean {
  return error instanceof DOMException && INPUT_ERRORS.has(error.name);
}

/** Wraps `primary` so a failed operation copies what is still readable to memory and retries there. */
export function withFallback(primary: ProgressStore, options: FallbackOptions): FallbackStore {
  let memory: Promise<ProgressStore> | null = null;

  function switchToMemory(status: StorageStatus): Promise<ProgressStore> {
    if (memory) return memory;
    // The snapshot's transaction is created synchronously, before any caller closes the connection.
    memory = primary
      .snapshot()
      .catch(() => undefined)
      // Loaded only when needed: most phones never fall back.
      .then((seed) =>
        import('./memory').then(({ createMemoryStore }) => createMemoryStore({ now: options.now, seed })),
      );
    void memory.then(() => options.release?.());
    options.onSwitch(status);
    return memory;
  }

  async function run<T>(operation: (store: ProgressStore) => Promise<T>): Promise<T> {
    if (memory) return operation(await memory);
    try {
      return await operation(primary);
    } catch (error) {
      if (isInputError(error)) throw error;
      return operation(await switchToMemory({ kind: 'memory', reason: 'failed' }));
    }
  }

  const store: ProgressStore = {
    saveAnswer: (answer, questionIds) => run((s) => s.saveAnswer(answer, questionIds)),
    getAnswers: (lessonId) => run((s) => s.getAnswers(lessonId)),
    getAllAnswers: () => run((s) => s.getAllAnswers()),
    resetQuiz: (lessonId) => run((s) => s.resetQuiz(lessonId)),
    setChecklistItem: (lessonId, itemId, done) => run((s) => s.setChecklistItem(lessonId, itemId, done)),
    getChecklist: (lessonId) => run((s) => s.getChecklist(lessonId)),
    getAllChecklist: () => run((s) => s.getAllChecklist()),
    getLessonRecords: () => run((s) => s.getLessonRecords()),
    getSetting: (key) => run((s) => s.getSetting(key)),
    setSetting: (key, value) => run((s) => s.setSetting(key, value)),
    updateSetting: (key, update) => run((s) => s.updateSetting(key, update)),
    recordReview: (lessonId, questionId, correct) =>
      run((s) => s.recordReview(lessonId, questionId, correct)),
    getReviewCards: () => run((s) => s.getReviewCards()),
    replaceAll: (snapshot) => run((s) => s.replaceAll(snapshot)),
    summary: (dueBefore) => run((s) => s.summary(dueBefore)),
    snapshot: () => run((s) => s.snapshot()),
  };
  return { store, switchToMemory };
}
