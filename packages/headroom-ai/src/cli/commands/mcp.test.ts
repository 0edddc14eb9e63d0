import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';
import { captureIo } from '../test-utils/capture-io.js';
import { headroomCli } from './index.js';

async function cli(argv: string[], env: Record<string, string>) {
  const { io, out } = captureIo({ env });
  const code = await runCli(headroomCli, argv, io);
  return { code, ...out };
}

const existing = {
  numStartups: 12,
  mcpServers: {
    github: {
      type: 'stdio',
      command: 'npx',
      args: ['-y', '@modelcontextprotocol/server-github'],
      env: { GITHUB_TOKEN: 'x' },
    },
  },
  projects: { '/repo': { allowedTools: [] } },
};

async function tempHome() {
  const home = await mkdtemp(join(tmpdir(), 'headroom-home-'));
  return { home, env: { HOME: home, HEADROOM_HOME: join(home, '.headroom') } };
}

describe('headroom mcp install / uninstall', () => {
  it('adds the server to Claude Code’s config, keeps the other servers and keys, backs up, and is idempotent', async () => {
    const { home, env } = await tempHome();
    const file = join(home, '.claude.json');
    const original = `${JSON.stringify(existing, null, 2)}\n`;
    await writeFile(file, original);

    const first = await cli(['mcp', 'install', '--client', 'claude-code'], env);
    expect(first).toEqual({
      code: 0,
      stdout: `Installed the headroom MCP server in ${file} (previous file kept as ${file}.headroom-backup). Restart claude-code to apply.\n`,
      stderr: '',
    });
    const config = JSON.parse(await readFile(file, 'utf8'));
    expect(config).toEqual({
      ...existing,
      mcpServers: {
        ...existing.mcpServers,
        headroom: {
          command: process.execPath,
          args: [expect.stringMatching(/cli[/\\]main\.js$/), 'mcp', 'serve'],
          env: { HEADROOM_HOME: env.HEADROOM_HOME },
        },
      },
    });
    expect(await readFile(`${file}.headroom-backup`, 'utf8')).toBe(original);

    const installed = await readFile(file, 'utf8');
    const again = await cli(['mcp', 'install'], env);
    expect(again.stdout).toBe(
      `${file}: the headroom server is already installed; nothing changed.\n`,
    );
    expect(await readFile(file, 'utf8')).toBe(installed);

    expect((await cli(['mcp', 'uninstall'], env)).code).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(existing);
    expect((await cli(['mcp', 'uninstall'], env)).stdout).toBe(
      `${file}: no headroom server to remove; nothing changed.\n`,
    );
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const { home, env } = await tempHome();
    const file = join(home, '.cursor', 'mcp.json');
    await mkdir(join(home, '.cursor'));
    const original = `${JSON.stringify({ mcpServers: existing.mcpServers }, null, 2)}\n`;
    await writeFile(file, original);
    const out = await cli(['mcp', 'install', '--client', 'cursor', '--dry-run'], env);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      new RegExp(`^${file.replaceAll('.', '\\.')} \\(dry run, nothing written\\):\n`),
    );
    expect(out.stdout).toContain('\n+    "headroom": {\n+      "command": ');
    expect(out.stdout.split('\n').filter((line) => line.startsWith('-'))).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('creates Claude Desktop’s config where Linux keeps it when there is none', async () => {
    const { home, env } = await tempHome();
    expect((await cli(['mcp', 'install', '--client', 'claude-desktop'], env)).code).toBe(0);
    const config = JSON.parse(
      await readFile(join(home, '.config', 'Claude', 'claude_desktop_config.json'), 'utf8'),
    );
    expect(Object.keys(config.mcpServers)).toEqual(['headroom']);
  });

  it('refuses a config that is not JSON, leaving it as it was, and an unknown client', async () => {
    const { home, env } = await tempHome();
    await writeFile(join(home, '.claude.json'), '{ "mcpServers": ');
    const out = await cli(['mcp', 'install'], env);
    expect(out).toEqual({
      code: 1,
      stdout: '',
      stderr: `headroom: ${join(home, '.claude.json')} is not valid JSON; fix or move it, then run again\n`,
    });
    expect(await readFile(join(home, '.claude.json'), 'utf8')).toBe('{ "mcpServers": ');
    expect((await cli(['mcp', 'install', '--client', 'vscode'], env)).code).toBe(2);
  });
});
