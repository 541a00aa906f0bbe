/**
 * "Save this summary", under a help-now summary: saving is only ever the learner's choice, and is
 * not offered in a private session, which keeps nothing on the phone; where the phone cannot store
 * anything, the learner is told it lasts only until the app is closed.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { type SummaryText, saveSummary } from '../../storage/saved-summaries';
import { privateSession } from '../private-session';
import { progressStore, storageStatus } from '../progress';

interface SaveProps {
  flowId: string;
  endingId: string;
  title: string;
  texts: readonly SummaryText[];
}

/** The save button and what became of the save; one summary is saved once. */
export function SaveSummary({ flowId, endingId, title, texts }: SaveProps) {
  const [state, setState] = useState<'ready' | 'saving' | 'saved' | 'memory' | 'failed'>('ready');
  if (privateSession()) return <p>{t('helpNow.saved.private')}</p>;
  const save = async () => {
    setState('saving');
    try {
      await saveSummary(await progressStore(), { flowId, endingId, title, texts: [...texts] });
      // Where the browser cannot store anything, the progress lives in memory: so does this.
      setState(storageStatus.get()?.kind === 'memory' ? 'memory' : 'saved');
    } catch {
      setState('failed');
    }
  };
  return (
    <p>
      {(state === 'ready' || state === 'saving' || state === 'failed') && (
        <button type="button" class="button button-quiet" disabled={state === 'saving'} onClick={save}>
          {t('helpNow.saved.save')}
        </button>
      )}{' '}
      <span role="status">
        {state === 'saved'
          ? t('helpNow.saved.done')
          : state === 'memory'
            ? t('helpNow.saved.memory')
            : state === 'failed'
              ? t('helpNow.saved.failed')
              : ''}
      </span>
    </p>
  );
}
