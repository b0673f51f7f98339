import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Notebook, TalkaDatabase } from '../db';

export interface AppServices {
  notebook: Notebook;
  db: TalkaDatabase;
}

export const AppContext = createContext<AppServices | null>(null);

/** The device's notebook (named write commands) and database (for live queries). */
export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useServices outside <AppContext.Provider>');
  return services;
}
