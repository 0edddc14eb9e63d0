import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One log line as a log-search API returns it. */
export interface LogRecord {
  /** 1-based line in the loghub sample, so a reader can find it. */
  line: number;
  timestamp: string;
  level: string;
  thread: string;
  logger: string;
  message: string;
}

// `2015-10-18 18:01:47,978 INFO [main] org.apache...MRAppMaster: Created MRAppMaster ...`
const hadoop = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3}) (\w+) \[(.*?)\] ([\w.$]+): ?(.*)$/;
// `2015-07-29 17:41:44,747 - INFO  [QuorumPeer[myid=1]/...:2181:FastLeaderElection@774] - Notification time out: 3200`
const zookeeper =
  /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3}) - (\w+)\s+\[(.*):([\w$]+@\d+)\] - ?(.*)$/;

/** Formats the loghub samples this bench turns into JSON records. */
export type LogFormat = 'Hadoop' | 'Zookeeper';

/** Parses `logs/<format>_2k.log` into records; lines that are not log entries (none in these samples) are skipped. */
export function readLogRecords(dataDir: string, format: LogFormat): LogRecord[] {
  const pattern = format === 'Hadoop' ? hadoop : zookeeper;
  const text = readFileSync(join(dataDir, 'logs', `${format}_2k.log`), 'utf8');
  const records: LogRecord[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const m = pattern.exec(raw.trimEnd());
    if (!m) return;
    const [, date, time, ms, level, thread, logger, message] = m as unknown as string[];
    records.push({
      line: index + 1,
      timestamp: `${date}T${time}.${ms}`,
      level: level as string,
      thread: thread as string,
      logger: logger as string,
      message: (message as string).trim(),
    });
  });
  return records;
}

/** `count` consecutive records starting `lead` records before the first one matching `anchor`. */
export function windowAround(
  records: readonly LogRecord[],
  anchor: (r: LogRecord) => boolean,
  lead: number,
  count: number,
): LogRecord[] {
  const first = records.findIndex(anchor);
  if (first < 0) throw new Error('the log sample has no line matching the window anchor');
  const start = Math.max(0, Math.min(first - lead, records.length - count));
  return records.slice(start, start + count);
}
