// Consent at the door: checking in someone whose consent was never recorded asks for it there and then.
import { useId, useRef, useState } from 'preact/hooks';
import type { ConsentText } from '../../../protocol';
import type { ConsentAnswer } from '../../domain/consent';
import { t } from '../../i18n';
import { useModalDialog } from '../components/modal';
import { ConsentQuestions } from './ConsentQuestions';
import '../sync/confirm-dialog.css';

export interface ConsentDialogProps {
  name: string;
  text: ConsentText;
  /** Records the answers and checks the person in. */
  onRecord: (answer: ConsentAnswer) => void;
  /** Checks the person in without answers: they stay marked as missing consent. */
  onLater: () => void;
  onCancel: () => void;
}

export function ConsentDialog({ name, text, onRecord, onLater, onCancel }: ConsentDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const [answer, setAnswer] = useState<ConsentAnswer>({ consentData: false, consentPhotos: false });
  useModalDialog(dialogRef, titleRef);
  return (
    <dialog ref={dialogRef} class="confirm-dialog consent-dialog" aria-labelledby={titleId}
      onCancel={(event) => { event.preventDefault(); onCancel(); }}>
      <h2 id={titleId} ref={titleRef} tabIndex={-1}>{t('consent.stepTitle', { name })}</h2>
      <p>{t('consent.stepIntro')}</p>
      <ConsentQuestions text={text} consentData={answer.consentData} consentPhotos={answer.consentPhotos}
        onAnswer={(key, agreed) => setAnswer((current) => ({ ...current, [key]: agreed }))} />
      <div class="button-row">
        <button type="button" class="button button--primary" onClick={() => onRecord(answer)}>{t('consent.saveAndCheckIn')}</button>
        <button type="button" class="button" onClick={onLater}>{t('consent.later')}</button>
        <button type="button" class="button button--ghost" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </dialog>
  );
}
