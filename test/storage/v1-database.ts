/**
 * The version-1 database, frozen here as it was: the migration tests start from it.
 */

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * Builds a version-1 database exactly as version 1 of schema.ts laid it out, with the plain
 * IndexedDB API (no Plan B code), and fills it the way the version-1 app did.
 */
export async function buildV1(name: string): Promise<void> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('conferences', { keyPath: 'id' });
    const talks = db.createObjectStore('talks', { keyPath: ['version', 'key'] });
    talks.createIndex('by-version', 'version');
    talks.createIndex('by-day', ['version', 'day']);
    talks.createIndex('by-room', ['version', 'room']);
    db.createObjectStore('meta');
    db.createObjectStore('notes', { keyPath: 'talk' });
    db.createObjectStore('attended', { keyPath: 'talk' });
    const reports = db.createObjectStore('reports', { keyPath: 'id' });
    reports.createIndex('by-room', 'room');
    db.createObjectStore('settings');
  };
  const db = await request(open);
  const tx = db.transaction(['conferences', 'talks', 'meta', 'notes', 'settings'], 'readwrite');
  const base = {
    subtitle: '',
    abstract: '',
    description: '',
    type: 'devroom',
    language: 'en',
    persons: [],
    day: 0,
    links: { slides: [], recordings: [], other: [] },
    cancelled: false,
  };
  tx.objectStore('conferences').put({
    id: 'v1-import',
    importedAt: 1_700_000_000_000,
    source: 'fosdem.xml',
    conference: {
      acronym: 'fosdem-2024',
      title: 'FOSDEM 2024',
      timeZone: 'Europe/Brussels',
      days: [{ index: 0, date: '2024-02-03', start: 0, end: 1 }],
      rooms: [],
      tracks: [],
      persons: [],
      source: { format: 'pentabarf-xml' },
    },
    talkCount: 2,
  });
  const talks = tx.objectStore('talks');
  talks.put({
    ...base,
    version: 'v1-import',
    order: 0,
    key: 'slug:go',
    id: '1',
    title: 'Go',
    track: 'Go devroom',
    room: 'UD2.218A',
    start: 1000,
    end: 2000,
  });
  talks.put({
    ...base,
    version: 'v1-import',
    order: 1,
    key: 'slug:rust',
    id: '2',
    title: 'Rust',
    track: 'Rust devroom',
    room: 'H.1308 (Rolin)',
    start: 3000,
    end: 4000,
  });
  tx.objectStore('meta').put('v1-import', 'current');
  tx.objectStore('notes').put({
    talk: 'slug:go',
    text: 'ask about generics',
    updatedAt: 5,
    snapshot: {
      title: 'Go',
      start: 1000,
      end: 2000,
      room: 'UD2.218A',
      track: 'Go devroom',
      cancelled: false,
    },
  });
  tx.objectStore('settings').put(['slug:go', 'slug:gone-talk', 'slug:go'], 'bookmarks');
  tx.objectStore('settings').put('dark', 'theme');
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}
