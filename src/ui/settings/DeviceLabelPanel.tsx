// The device's name ("Planšete 2"): sent with each push, so a conflict names
// the device each value came from (docs/protocol.md, Push).
import { useEffect, useState } from 'preact/hooks';
import { DEVICE_LABEL_MAX, loadDeviceLabel, saveDeviceLabel } from '../../db';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { TextField } from '../components/fields';

export function DeviceLabelPanel() {
  const { db } = useServices();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    loadDeviceLabel(db).then((stored) => { if (live) setLabel(stored); }, () => undefined);
    return () => { live = false; };
  }, [db]);

  const save = async () => {
    setSaved(false);
    if (label.trim().length > DEVICE_LABEL_MAX) {
      setError(t('deviceLabel.tooLong'));
      return;
    }
    setError(null);
    try {
      await saveDeviceLabel(db, label);
      setSaved(true);
    } catch {
      setError(t('error.save'));
    }
  };

  return (
    <section class="card settings" aria-labelledby="device-label-heading">
      <h2 id="device-label-heading">{t('deviceLabel.title')}</h2>
      <form noValidate onSubmit={(event) => { event.preventDefault(); void save(); }}>
        <TextField label={t('deviceLabel.label')} hint={t('deviceLabel.hint')} error={error ?? undefined} value={label}
          onValue={(value) => { setLabel(value); setSaved(false); }} autoComplete="off" />
        <button type="submit" class="button">{t('deviceLabel.save')}</button>
        {saved && <p role="status">{t('deviceLabel.saved')}</p>}
      </form>
    </section>
  );
}
