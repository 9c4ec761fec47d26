// Every test that touches storage gets a fresh in-memory IndexedDB per file.
import 'fake-indexeddb/auto';
