export { FileCcrStore, type FileCcrStoreOptions } from './file-ccr-store.js';
export { HEADROOM_HOME_ENV, headroomHome } from './headroom-home.js';
