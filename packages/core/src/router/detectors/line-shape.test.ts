import { describe, expect, it } from 'vitest';
import { takeSample } from '../sample.js';
import { lineShape } from './line-shape.js';

const shapeOf = (lines: string[]) => lineShape(takeSample(lines.join('\n')));

describe('lineShape', () => {
  it('finds a time-like token past a file name, an id or a tag, and in key-value fields', () => {
    for (const line of [
      'api.log.1.2024-03-14_09:12:41 2024-03-14 09:00:00.285 25746 INFO request served',
      '20240314-09:00:00:569|Step_LSC|30002312|onStandStepChanged 6127',
      '134681 node-72 unix.hw state_change.unavailable 1077804761 1 Component State Change',
      '[03.14 09:00:03] Teams.exe - api.example.org:443 open through proxy',
      'ECC 1131566472 2005.11.09 dn243 Nov 9 20:01:12 dn243/dn243 kernel: EDAC error',
      '{"level":30,"time":1710406800000,"pid":4121,"msg":"request completed"}',
      '[    5.123456] host01 kernel: EXT4-fs (sda1): mounted filesystem',
      '3m10s       Warning   BackOff   pod/api-1   Back-off restarting failed container',
      '[16899:0x79c48f0]       62 ms: Mark-Compact 14.0 (30.8) -> 6.4 (23.2) MB',
    ]) {
      expect(shapeOf([line, line]).timed, line).toBe(1);
    }
  });

  it("does not take ports, versions or a listing's late date for times", () => {
    expect(shapeOf(['10.0.0.1:8080 up', 'version 1.2.3 ready']).timed).toBe(0);
    expect(
      shapeOf([
        '-rw-r--r-- 1 root root 1234 Nov 30 10:01 notes.txt',
        'drwxr-xr-x 2 root root 4096 Nov 30 10:02 src',
      ]).timed,
    ).toBe(0);
  });

  it('counts prose lines, npm-style tags and key-value records', () => {
    const prose =
      'Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance with the License.';
    expect(shapeOf([prose, prose]).sentences).toBe(1);
    expect(
      shapeOf([
        'npm silly fetch manifest chalk@4',
        'npm http fetch GET 200 https://registry.npmjs.org/chalk 18ms',
        'npm info ok',
      ]).tagged,
    ).toBe(1);
    expect(
      shapeOf([
        'Start-Date: 2025-06-24  14:36:25',
        'Commandline: apt-get -qqy upgrade',
        'End-Date: 2025-06-24  14:36:25',
      ]).keyed,
    ).toBeCloseTo(1 / 3);
  });
});
