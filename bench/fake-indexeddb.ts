// An in-memory IndexedDB in Node, for the parts of a bench that run the app's database code outside the browser.
import 'fake-indexeddb/auto';
