import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headroomHome } from './headroom-home.js';

describe('headroomHome', () => {
  it('is ~/.headroom unless HEADROOM_HOME says otherwise', () => {
    expect(headroomHome({})).toBe(join(homedir(), '.headroom'));
    expect(headroomHome({ HEADROOM_HOME: '  ' })).toBe(join(homedir(), '.headroom'));
    expect(headroomHome({ HEADROOM_HOME: 'relative/dir' })).toBe(resolve('relative/dir'));
    expect(headroomHome({ HEADROOM_HOME: '/srv/headroom' })).toBe('/srv/headroom');
  });
});
