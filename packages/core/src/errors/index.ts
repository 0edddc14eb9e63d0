export { HeadroomError, type HeadroomErrorCode } from './headroom-error.js';
