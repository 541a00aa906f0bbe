/** A lesson's saved answers, checklist and best score, with the actions that change them. */
import { useEffect, useState } from 'preact/hooks';
import type { LessonEntry } from '../../shared/types';
import type { AnswerRecord, LessonRecord } from '../../storage';
import { progressChanged, progressStore, quizInProgress } from '../progress';

export interface LessonProgressState {
  loaded: boolean;
  answers: ReadonlyMap<string, AnswerRecord>;
  ticked: ReadonlySet<string>;
  record: LessonRecord | null;
  /** Grows with each retry, so question views start afresh. */
  attempt: number;
  answer(questionId: string, selected: string[], correct: boolean): Promise<void>;
  retry(): Promise<void>;
  tick(itemId: string, done: boolean): Promise<void>;
}

/** Loads and saves progress of one lesson; every answer is saved the moment it is given. */
export function useLessonProgress(entry: LessonEntry): LessonProgressState {
  const lessonId = entry.id;
  const [loaded, setLoaded] = useState(false);
  const [answers, setAnswers] = useState<ReadonlyMap<string, AnswerRecord>>(new Map());
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [record, setRecord] = useState<LessonRecord | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setLoaded(false);
    progressStore()
      .then((store) =>
        Promise.all([store.getAnswers(lessonId), store.getChecklist(lessonId), store.getLessonRecords()]),
      )
      .then(([saved, checklist, records]) => {
        if (!live) return;
        setAnswers(new Map(saved.map((answer) => [answer.questionId, answer])));
        setTicked(new Set(checklist.filter((item) => item.done).map((item) => item.itemId)));
        setRecord(records.find((candidate) => candidate.lessonId === lessonId) ?? null);
        setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [lessonId]);

  // Tells the update prompt not to reload while this quiz is half answered.
  const answeredNow = entry.questions.filter((id) => answers.has(id)).length;
  useEffect(() => {
    quizInProgress.set(answeredNow > 0 && answeredNow < entry.questions.length);
  }, [answeredNow, entry.questions.length]);
  useEffect(() => () => quizInProgress.set(false), []);

  return {
    loaded,
    answers,
    ticked,
    record,
    attempt,
    async answer(questionId, selected, correct) {
      const store = await progressStore();
      const started = performance.now();
      const result = await store.saveAnswer({ lessonId, questionId, selected, correct }, entry.questions);
      // A User Timing entry, read by `npm run bench`; it costs nothing else.
      performance.measure('save-answer', { start: started });
      setAnswers((previous) =>
        new Map(previous).set(questionId, {
          lessonId,
          questionId,
          selected,
          correct,
          answeredAt: Date.now(),
        }),
      );
      if (result.record) setRecord(result.record);
      progressChanged();
      // Loaded after the first answer only: asking the browser to keep the data is not urgent.
      void import('../../storage/persistence').then(({ requestPersistence }) => requestPersistence(store));
    },
    async retry() {
      const store = await progressStore();
      await store.resetQuiz(lessonId);
      setAnswers(new Map());
      setAttempt((count) => count + 1);
      progressChanged();
    },
    async tick(itemId, done) {
      const store = await progressStore();
      await store.setChecklistItem(lessonId, itemId, done);
      setTicked((previous) => {
        const next = new Set(previous);
        if (done) next.add(itemId);
        else next.delete(itemId);
        return next;
      });
      progressChanged();
    },
  };
}
