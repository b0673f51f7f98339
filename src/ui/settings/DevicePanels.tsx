// The settings cards that protect the device's data: space and what exists
// only here, the backup file, and emptying the device.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useLiveQuery } from '../../db';
import { takeInventory } from '../../db/backup-inventory';
import { installHintFor, readPlatformFacts } from '../../pwa/install-hint';
import type { StorageState } from '../../pwa/storage';
import { useServices } from '../app-context';
import { BackupPanel } from './BackupPanel';
import { ClearDataPanel } from './ClearDataPanel';
import { DataSafetyPanel } from './DataSafetyPanel';
import '../device/device.css';
import './device-panels.css';

export interface DevicePanelsProps {
  storage: StorageState | undefined;
  /** Reads the storage estimate again (after an import or emptying the device). */
  onStorageChanged: () => void;
}

export function DevicePanels({ storage, onStorageChanged }: DevicePanelsProps) {
  const { db } = useServices();
  const inventory = useLiveQuery(() => takeInventory(db), [db]);
  const installHint = useMemo(() => installHintFor(readPlatformFacts()), []);
  // Estimates again when what the device holds changes, not when the parent hands a new callback.
  const storageChanged = useRef(onStorageChanged);
  storageChanged.current = onStorageChanged;
  const records = inventory?.records;
  const images = inventory?.images;
  useEffect(() => {
    if (records !== undefined) storageChanged.current();
  }, [records, images]);

  return (
    <div class="settings device-panels">
      <DataSafetyPanel storage={storage} inventory={inventory} installHint={installHint} />
      <BackupPanel />
      <ClearDataPanel />
    </div>
  );
}
