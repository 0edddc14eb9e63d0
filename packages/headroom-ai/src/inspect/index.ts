export {
  inspectReport,
  type InspectMarker,
  type InspectReport,
  type InspectSegment,
} from './inspect-report.js';
export { markLines, type LineState, type MarkedLine } from './line-states.js';
export { reportHtml } from './report-html.js';
