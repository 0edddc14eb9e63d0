import { describe, expect, it } from 'vitest';
import { alignedColumns, cellsAt } from './aligned-columns.js';

const names = (text: string): string[] | undefined => {
  const lines = text.split('\n');
  const found = alignedColumns(lines);
  return found && cellsAt(lines[found.header]!, found.starts).filter((name) => name !== '');
};

describe('alignedColumns', () => {
  it('reads ps aux: right-aligned numbers, a narrow column under no name, a free last column', () => {
    const ps = [
      'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      'root         2  0.0  0.0      0     0 ?        S    15:15   0:00 [kthreadd]',
      'root      2206  0.2  0.0  60824  6964 ?        Ssl  15:16   0:01 redis-server 127.0.0.1:6379',
      'mosquit+  2940  0.0  0.0  15456  5732 ?        Ss   15:16   0:00 mosquitto -d -c /etc/mosquitto/mosquitto.conf',
      'mysql     3774  0.0  0.4 8591217908 102600 ?   Sl   15:16   0:00 /usr/sbin/mariadbd',
    ].join('\n');
    const found = alignedColumns(ps.split('\n'))!;
    expect(found).toMatchObject({ header: 0, body: 1 });
    const row = cellsAt(ps.split('\n')[2]!, found.starts);
    expect(row.slice(0, 4)).toEqual(['root', '2206', '0.2', '0.0']);
    expect(row.at(-1)).toBe('redis-server 127.0.0.1:6379');
  });

  it('reads top -b: a five-line summary before the header, a TIME+ column', () => {
    const top = [
      'top - 16:35:15 up  1:19,  0 user,  load average: 10.42, 12.33, 13.83',
      'Tasks: 131 total,   6 running, 125 sleeping,   0 stopped,   0 zombie',
      '%Cpu(s): 92.3 us,  7.7 sy,  0.0 ni,  0.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st',
      'MiB Mem :  24105.1 total,  18932.1 free,   2349.3 used,   3202.8 buff/cache',
      'MiB Swap:      0.0 total,      0.0 free,      0.0 used.  21755.8 avail Mem',
      '',
      '  PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND',
      ' 1751 root      20   0 1096524  57532  42520 R  42.9   0.2   0:00.38 npm exec +',
      ' 1636 root      20   0 1063076 112040  40524 R  33.3   0.5   0:02.49 node',
      '32617 root      20   0   22.5g 757032 100396 S  19.0   3.1   0:34.05 next-buil+',
    ].join('\n');
    expect(alignedColumns(top.split('\n'))).toMatchObject({ header: 6, body: 7 });
    expect(names(top)).toContain('TIME+');
  });

  it('reads pip list and dpkg -l: a rule under the header, a legend before it', () => {
    expect(
      names(
        [
          'Package                   Version',
          '------------------------- -----------',
          'annotated-types           0.7.0',
          'antlr4-python3-runtime    4.13.2',
          'asttokens                 3.0.1',
        ].join('\n'),
      ),
    ).toEqual(['Package', 'Version']);
    const dpkg = [
      'Desired=Unknown/Install/Remove/Purge/Hold',
      '| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend',
      '|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)',
      '||/ Name                                 Version                                 Architecture Description',
      '+++-====================================-=======================================-============-==============================',
      'ii  adduser                              3.134                                   all          add and remove users and groups',
      'ii  apt                                  2.6.1                                   amd64        commandline package manager',
      'ii  base-files                           12.4+deb12u11                           amd64        Debian base system miscellaneous files',
    ].join('\n');
    expect(alignedColumns(dpkg.split('\n'))).toMatchObject({ header: 3, body: 5 });
    expect(names(dpkg)).toEqual(['||/', 'Name', 'Version', 'Architecture', 'Description']);
  });

  it('finds no table in a log, prose, code, or two-column text without a rule', () => {
    const log = Array.from(
      { length: 6 },
      (_, i) =>
        `2026-11-30 15:23:0${i}.404 UTC [9575] postgres@postgres LOG:  duration: 0.${i}66 ms`,
    ).join('\n');
    expect(alignedColumns(log.split('\n'))).toBeUndefined();
    const prose =
      'The router decides from structure, not from a list of known formats, and records\nwhy each decision was made so that misroutes can be debugged later on by the people\nwho maintain it; prose only when sentences dominate the text.\nGrep output only when path prefixes hold.';
    expect(alignedColumns(prose.split('\n'))).toBeUndefined();
    const code =
      'function total(items) {\n  let sum = 0;\n  for (const item of items) sum += item;\n  return sum;\n}';
    expect(alignedColumns(code.split('\n'))).toBeUndefined();
    expect(
      alignedColumns('Name    Size\na.txt   10\nb.txt   20\nc.txt   30'.split('\n')),
    ).toBeUndefined();
    expect(alignedColumns('NAME   READY\tSTATUS\napi    1/1\tRunning'.split('\n'))).toBeUndefined();
  });
});
