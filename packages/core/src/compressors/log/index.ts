export { compressLog } from './compress-log.js';
export { logUnits } from './log-units.js';
export { createLogCompressor } from './log-compressor.js';
export type { LogOptions } from './log-options.js';
