export { compressLog } from './compress-log.js';
export { logUnits } from './log-units.js';
