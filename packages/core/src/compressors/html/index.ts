export { compressHtml } from './compress-html.js';
export { htmlUnits } from './html-units.js';
