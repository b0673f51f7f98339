import { render, waitFor } from '@testing-library/preact';
import { del } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { communityFields } from '../../../testing/fixtures';
import type { Notebook, TalkaDatabase } from '../../db';
import { readStorageState, requestPersistenceOnceThereIsData, type StorageApi } from '../../pwa/storage';
import { closeTestNotebook, openTestNotebook } from '../test-support';
import { hasCommunities, usePersistenceOnceThereIsData } from './use-persistence';

function fakeStorage(persisted = false, grant = true) {
  let isPersisted = persisted;
  return {
    estimate: vi.fn(async () => ({ usage: 2048, quota: 1024 * 1024 })),
    persisted: vi.fn(async () => isPersisted),
    persist: vi.fn(async () => { isPersisted = grant; return grant; }),
  } satisfies StorageApi;
}

let db: TalkaDatabase;
let notebook: Notebook;

beforeEach(async () => {
  await del('talka:persistence-asked');
  ({ db, notebook } = openTestNotebook());
});

afterEach(() => closeTestNotebook({ db }));

const addCommunity = () => notebook.create('communities', communityFields());

describe('requestPersistenceOnceThereIsData', () => {
  it('does not ask while the device holds no community', async () => {
    const storage = fakeStorage();
    expect(await requestPersistenceOnceThereIsData(hasCommunities(db), storage)).toBe('no-data');
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('asks once there is a community, and never again, even when refused', async () => {
    const storage = fakeStorage(false, false);
    await addCommunity();
    expect(await requestPersistenceOnceThereIsData(hasCommunities(db), storage)).toBe('denied');
    expect(await requestPersistenceOnceThereIsData(hasCommunities(db), storage)).toBe('already-asked');
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('asks once when called many times at once (a burst of writes)', async () => {
    const storage = fakeStorage();
    await addCommunity();
    const outcomes = await Promise.all([1, 2, 3].map(() => requestPersistenceOnceThereIsData(hasCommunities(db), storage)));
    expect(outcomes).toEqual(['granted', 'granted', 'granted']);
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask when storage is persistent already', async () => {
    const storage = fakeStorage(true);
    await addCommunity();
    expect(await requestPersistenceOnceThereIsData(hasCommunities(db), storage)).toBe('already-persisted');
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('does nothing where the browser has no storage API (plain http)', async () => {
    await addCommunity();
    expect(await requestPersistenceOnceThereIsData(hasCommunities(db), undefined)).toBe('unsupported');
  });
});

describe('readStorageState', () => {
  it('reports usage, quota and persistence, or nulls when unknown', async () => {
    expect(await readStorageState(fakeStorage(true))).toEqual({ usage: 2048, quota: 1024 * 1024, persisted: true });
    expect(await readStorageState(undefined)).toEqual({ usage: null, quota: null, persisted: null });
  });
});

describe('usePersistenceOnceThereIsData', () => {
  function Probe({ storage }: { storage: StorageApi }) {
    usePersistenceOnceThereIsData(db, storage);
    return null;
  }

  it('asks as soon as the first community is written, not before', async () => {
    const storage = fakeStorage();
    render(<Probe storage={storage} />);
    expect(await requestPersistenceOnceThereIsData(hasCommunities(db), storage)).toBe('no-data');
    await addCommunity();
    await waitFor(() => expect(storage.persist).toHaveBeenCalledOnce());
  });
});
