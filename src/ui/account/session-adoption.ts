// The sign-in screens' side of adopting a session: asks first when the device
// holds another organisation's, or another user's, data (src/account/session-adoption.ts).
import { useState } from 'preact/hooks';
import type { SessionResponse } from '../../../protocol';
import { adoptSession, findForeignData, type ForeignData } from '../../account/session-adoption';
import { useServices } from '../app-context';

export interface SessionAdoption {
  /** Set while the person is asked whether to remove another organisation's data. */
  foreign: { response: SessionResponse; data: ForeignData } | null;
  busy: boolean;
  /** Adopts the session, or asks first when the device holds another organisation's data. */
  begin(response: SessionResponse): Promise<void>;
  confirm(): Promise<void>;
  cancel(): void;
}

export function useSessionAdoption(onAdopted: (response: SessionResponse) => void): SessionAdoption {
  const { db, notebook } = useServices();
  const [foreign, setForeign] = useState<SessionAdoption['foreign']>(null);
  const [busy, setBusy] = useState(false);
  return {
    foreign,
    busy,
    async begin(response) {
      const data = await findForeignData(db, response, notebook.deviceId);
      if (data) {
        setForeign({ response, data });
        return;
      }
      await adoptSession(db, response, false);
      onAdopted(response);
    },
    async confirm() {
      if (!foreign) return;
      setBusy(true);
      try {
        await adoptSession(db, foreign.response, true);
      } finally {
        setBusy(false);
      }
      setForeign(null);
      onAdopted(foreign.response);
    },
    cancel() {
      setForeign(null);
    },
  };
}
