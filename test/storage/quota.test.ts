import { afterEach, describe, expect, it, vi } from 'vitest';
import { addBookmark } from '../../src/storage/bookmarks-repo';
import {
  guardQuota,
  ImportError,
  isQuotaExceeded,
  StorageFullError,
} from '../../src/storage/errors';
import { writeNote } from '../../src/storage/notes-repo';
import { loadCurrentConference } from '../../src/storage/schedule-repo';
import { importSchedule, openFresh, tinySchedule } from './fixtures';

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Makes IndexedDB refuse writes from the `after`-th put on, as a full disk does. */
function fillDiskAfter(after: number) {
  const put = IDBObjectStore.prototype.put;
  let calls = 0;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    calls += 1;
    if (calls > after) throw quotaError();
    return put.apply(this, args);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('when the device runs out of storage', () => {
  it('recognizes the quota error, and only it', async () => {
    expect(isQuotaExceeded(quotaError())).toBe(true);
    expect(isQuotaExceeded(new DOMException('x', 'AbortError'))).toBe(false);
    await expect(guardQuota('x', () => Promise.reject(new TypeError('bug')))).rejects.toThrow(
      TypeError,
    );
  });

  it('saving a note or a bookmark fails with a StorageFullError the UI can show', async () => {
    const db = await openFresh();
    const [talk] = (await importAndLoad(db)).talks;
    fillDiskAfter(0);
    const write = writeNote(db, talk!.key, 'text', { base: null, now: 1, talk: talk! });
    const noteError: unknown = await write.catch((e: unknown) => e);
    expect(noteError).toBeInstanceOf(StorageFullError);
    expect((noteError as Error).message).toBe(
      'There is no storage space left on this device, so your note could not be saved. ' +
        'Free some space (or remove old schedules) and try again.',
    );
    await expect(addBookmark(db, talk!, 1)).rejects.toThrow(/your bookmark could not be saved/);
    db.close();
  });

  it('an import that fills the disk half-way is rolled back: the old schedule stays', async () => {
    const db = await openFresh();
    const before = await importAndLoad(db);
    const bigger = tinySchedule(
      Array.from({ length: 20 }, (_, i) => ({ slug: `t${i}`, title: `Talk ${i}` })),
    );
    fillDiskAfter(10); // ten talks are written, then the disk is full
    const error = await importSchedule(db, bigger, { source: 'bigger.xml' }).catch((e) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(ImportError);
    expect(error.cause).toBeInstanceOf(StorageFullError);
    expect(error.message).toMatch(/no storage space left.*Your current schedule is unchanged\.$/);
    expect(await loadCurrentConference(db)).toEqual(before);
    expect(await db.count('talks')).toBe(before.talks.length); // nothing half-written
    db.close();
  });
});

async function importAndLoad(db: Awaited<ReturnType<typeof openFresh>>) {
  await importSchedule(db, tinySchedule([{ slug: 'go', title: 'Go' }]), { source: 'a.xml' });
  return (await loadCurrentConference(db))!;
}
