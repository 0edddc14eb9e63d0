import type { JsonNode } from './json-node.js';
import { hasErrorWord } from '../log/classify-line.js';
import type { ItemView } from './item-view.js';

/** Failure words the log compressor's list leaves out (it judges lines, these also judge fields). */
const MORE_ERROR_WORDS =
  /(?<![A-Za-z0-9])(?:critical|rejected|forbidden|unauthori[sz]ed|killed|oom|fail)(?![a-z])/i;
/** A one-word value is a failure only when it is the word itself (`"state":"failure"`) or an error name. */
const ERROR_TOKEN =
  /^(?:errors?|err|exception|fail(?:ed|ure|ing)?|fatal|critical|crash(?:ed)?|panic(?:ked)?|abort(?:ed)?|time[d_-]?out|denied|rejected|refused|killed|oom|unauthori[sz]ed|forbidden)$/i;
const ERROR_NAME =
  /[a-z0-9](?:Error|Exception|Failure|Fault|Timeout)$|^E(?:CONNREFUSED|CONNRESET|CONNABORTED|TIMEDOUT|NOENT|ACCES|PERM|PIPE|ADDRINUSE|HOSTUNREACH|NOTFOUND|NOMEM)$/;

/** Keys whose presence with a value means failure (`"error": {...}`), whatever the value says. */
const ERROR_KEY = /^(?:error|errors|err|exception|failure|fault|stack|stacktrace|stack_trace)$/i;
const STATUS_KEY = /(?:^|[._-])(?:status|status_?code|http_?status|statuscode)$/i;
/**
 * What every failure word and name above (and the log compressor's) contains, case aside — one scan
 * that most texts (names, numbers, dates, codes) fail, before the word-by-word patterns.
 */
const MAY_FAIL =
  /err|exc|fail|fatal|panic|trace|segf|deni|refus|time|abort|crash|crit|reject|forbid|unauth|kill|oom|fault|^\s*e[a-z]+\s*$/i;
/** URLs and paths name things; `/issues/errors` is not a failure. */
const LOCATOR = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/)\S*$/i;

function truthy(node: JsonNode): boolean {
  switch (node.t) {
    case 'null':
      return false;
    case 'boolean':
      return node.v;
    case 'number':
      return node.v !== 0;
    case 'string':
      return node.v.trim() !== '';
    case 'array':
      return node.items.length > 0;
    case 'object':
      return node.entries.length > 0;
    case 'raw':
      return true;
  }
}

/**
 * Whether a text reports a failure. Single tokens are names more often than messages
 * (`es-errors`, `p-timeout`), so they count only as the bare word or an error class name.
 */
export function isErrorText(text: string): boolean {
  if (!MAY_FAIL.test(text) || LOCATOR.test(text)) return false;
  const trimmed = text.trim();
  if (!/\s/.test(trimmed)) return ERROR_TOKEN.test(trimmed) || ERROR_NAME.test(trimmed);
  return hasErrorWord(text) || MORE_ERROR_WORDS.test(text);
}

function mentionsError(node: JsonNode, depth: number): boolean {
  switch (node.t) {
    case 'string':
      return isErrorText(node.v);
    case 'raw':
      return hasErrorWord(node.text);
    case 'array':
      return depth < 8 && node.items.some((item) => mentionsError(item, depth + 1));
    case 'object':
      return (
        depth < 8 &&
        node.entries.some(
          ([key, value]) =>
            (ERROR_KEY.test(key) && truthy(value)) || mentionsError(value, depth + 1),
        )
      );
    default:
      return false;
  }
}

/**
 * Whether an item reports a failure: an error word in one of its texts (error, exception, failed,
 * fatal, timeout, denied, panic…), a non-empty `error`-like field, or an HTTP status of 400 or more.
 */
export function isErrorItem(view: ItemView): boolean {
  for (const [path, leaf] of view.fields) if (isErrorStatus(path, leaf)) return true;
  return mentionsError(view.node, 0);
}

/**
 * {@link isErrorItem} of the entries of flat rows (scalar values under distinct keys) under one key,
 * each value a number or a string: such a row reports a failure exactly when one of its entries does.
 * The key is judged once.
 */
export function entryErrorCheck(key: string): (value: number | string) => boolean {
  const status = STATUS_KEY.test(key);
  const errorKey = ERROR_KEY.test(key);
  return (value) =>
    typeof value === 'number'
      ? (status && isErrorCode(value)) || (errorKey && value !== 0)
      : (errorKey && value.trim() !== '') || isErrorText(value);
}

function isErrorStatus(path: string, leaf: JsonNode): boolean {
  return leaf.t === 'number' && isErrorCode(leaf.v) && STATUS_KEY.test(path);
}

/** An HTTP status that reports a failure. */
function isErrorCode(status: number): boolean {
  return status >= 400 && status < 600 && Number.isInteger(status);
}
