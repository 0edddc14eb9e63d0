import { describe, expect, it } from 'vitest';
import { lineTime } from './line-time.js';

describe('lineTime', () => {
  it('reads the timestamp of many log formats, past a file name or a tag', () => {
    expect(
      lineTime('api.log.1.2024-03-14_09:12:41 2024-03-14 09:00:00.285 25746 INFO served'),
    ).toBe('2024-03-14 09:00:00.285');
    expect(lineTime('Nov  9 20:01:12 web01 sshd[12]: Accepted')).toBe('Nov  9 20:01:12');
    expect(lineTime('203.0.113.4 - - [14/Mar/2024:09:00:01 +0000] "GET / HTTP/1.1" 200')).toBe(
      '14/Mar/2024:09:00:01',
    );
    expect(lineTime('20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579')).toBe(
      '20171223-22:15:29:606',
    );
    expect(lineTime('ECC 1131566472 2005.11.09 dn243 kernel: EDAC')).toBe('1131566472');
    expect(lineTime('2005-06-03-22.42.50.449635 R02 RAS KERNEL FATAL')).toBe(
      '2005-06-03-22.42.50.449635',
    );
    expect(lineTime('INFO worker 3 heartbeat ok')).toBeUndefined();
  });
});
