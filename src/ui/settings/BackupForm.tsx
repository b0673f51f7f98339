// What the two backup forms (make a backup, restore from one) share: the run
// of the export or import with its steps shown as it goes, and what came of it.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { BackupPhase } from '../../db/backup';
import { t } from '../../i18n';
import { FormError } from '../components/fields';
import { describeBackupError } from './backup-errors';

export type BackupKind = 'export' | 'import';
export type BackupWork = (onPhase: (phase: BackupPhase) => void) => Promise<string>;

const STEPS: Record<BackupKind, readonly BackupPhase[]> = {
  export: ['reading', 'packing', 'encrypting', 'done'],
  import: ['decrypting', 'checking', 'writing', 'done'],
};
/** The step shown at once, before the work reports its first. */
const FIRST_STEP: Record<BackupKind, BackupPhase> = { export: 'reading', import: 'checking' };

export interface BackupRun {
  kind: BackupKind;
  /** The step the work is at; null while nothing runs. */
  phase: BackupPhase | null;
  result: { ok: boolean; message: string } | null;
  /** Runs the work, which resolves to what to say or throws. */
  start: (work: BackupWork) => Promise<void>;
  /** Says why the work cannot start. */
  refuse: (message: string) => void;
  clear: () => void;
}

export function useBackupRun(kind: BackupKind): BackupRun {
  const [phase, setPhase] = useState<BackupPhase | null>(null);
  const [result, setResult] = useState<BackupRun['result']>(null);
  return {
    kind,
    phase,
    result,
    start: async (work) => {
      setResult(null);
      setPhase(FIRST_STEP[kind]);
      try {
        setResult({ ok: true, message: await work(setPhase) });
      } catch (error) {
        setResult({ ok: false, message: describeBackupError(error) });
      } finally {
        setPhase(null);
      }
    },
    refuse: (message) => setResult({ ok: false, message }),
    clear: () => setResult(null),
  };
}

export interface BackupFormProps {
  run: BackupRun;
  intro?: string;
  /** Checks the form's own fields and starts the run. */
  onSubmit: () => void;
  children: ComponentChildren;
}

/** A backup form: its heading, the form's own fields, the button, the steps while it runs and the outcome. */
export function BackupForm({ run: { kind, phase, result }, intro, onSubmit, children }: BackupFormProps) {
  const headingId = `backup-${kind}-heading`;
  return (
    <form class="backup-form" noValidate aria-labelledby={headingId}
      onSubmit={(event) => { event.preventDefault(); if (phase === null) onSubmit(); }}>
      <h3 id={headingId}>{t(`backup.${kind}.title`)}</h3>
      {intro && <p class="muted">{intro}</p>}
      {children}
      <button type="submit" class="button button--primary" disabled={phase !== null}>{t(`backup.${kind}.button`)}</button>
      {phase !== null && <BackupProgress kind={kind} phase={phase} />}
      {result && (result.ok ? <p class="notice backup-result" role="status" data-testid={`backup-${kind}-result`}>{result.message}</p>
        : <FormError message={result.message} />)}
    </form>
  );
}

/** Which step an export or import is at, as a bar and in words. */
function BackupProgress({ kind, phase }: { kind: BackupKind; phase: BackupPhase }) {
  const steps = STEPS[kind];
  const at = Math.max(0, steps.indexOf(phase));
  return (
    <div class="backup-progress" role="status">
      <progress max={steps.length - 1} value={at} aria-label={t('backup.progress')} />
      <span>{t(`backup.phase.${phase}`)}</span>
    </div>
  );
}
