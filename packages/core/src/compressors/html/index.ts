export { createHtmlCompressor, type HtmlCompressorOptions } from './compress-html.js';
export { htmlUnits } from './html-units.js';
