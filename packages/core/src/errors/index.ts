export { HeadroomError, type HeadroomErrorCode } from './headroom-error.js';
export { InvalidOptionError } from './invalid-option-error.js';
export { InvalidMessagesError } from './invalid-messages-error.js';
export { InputTooLargeError } from './input-too-large-error.js';
export { StoreUnavailableError } from './store-unavailable-error.js';
