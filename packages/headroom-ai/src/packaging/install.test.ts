import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { consumerSource } from './consumer-app.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../../../', import.meta.url));
/** The packages an app installs to use `headroom-ai`, in dependency order. */
const packages = ['core', 'ai-middleware', 'ccr-redis', 'langchain', 'headroom-ai'];
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** pnpm, as the test was started (`pnpm test`), or the pinned one through npx. */
function pnpm(args: string[], cwd: string) {
  const execPath = process.env.npm_execpath;
  return execPath?.includes('pnpm')
    ? run(process.execPath, [execPath, ...args], { cwd })
    : run('npx', ['-y', 'pnpm@10.34.8', ...args], { cwd });
}

async function tarballManifest(tarball: string): Promise<Record<string, unknown>> {
  const { stdout } = await run('tar', ['-xzOf', tarball, 'package/package.json'], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

const tsconfig = (resolution: 'bundler' | 'nodenext') => ({
  compilerOptions: {
    target: 'ES2022',
    module: resolution === 'bundler' ? 'ESNext' : 'NodeNext',
    moduleResolution: resolution,
    strict: true,
    skipLibCheck: false,
    types: ['node'],
    outDir: `out-${resolution}`,
  },
  files: ['main.ts'],
});

describe('the packed packages, installed into a new app with npm', () => {
  it('install from their tarballs, compile under bundler and nodenext resolution with skipLibCheck false, and run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'headroom-install-'));
    for (const name of packages)
      await pnpm(['pack', '--pack-destination', dir], join(repo, 'packages', name));
    const tarballs = (await readdir(dir)).filter((file) => file.endsWith('.tgz'));
    expect(tarballs).toHaveLength(packages.length);

    const dependencies: Record<string, string> = {};
    for (const tarball of tarballs) {
      const manifest = await tarballManifest(join(dir, tarball));
      expect(JSON.stringify(manifest)).not.toContain('workspace:');
      expect(manifest).toMatchObject({
        type: 'module',
        license: 'Apache-2.0',
        engines: { node: '>=20.19' },
      });
      // Bundlers may drop unused modules: none but the CLI's bin runs anything on import.
      expect(
        manifest.sideEffects === false ||
          JSON.stringify(manifest.sideEffects) === '["./dist/cli/main.js"]',
      ).toBe(true);
      expect(Object.keys(manifest.exports as object)).not.toContain('./testing/kompress');
      // npm installs required peers: an app that uses no LangChain, AI SDK or Redis must not get them.
      const optional = manifest.peerDependenciesMeta as Record<string, { optional?: boolean }>;
      for (const peer of Object.keys((manifest.peerDependencies as object | undefined) ?? {}))
        expect(optional?.[peer]?.optional, `${manifest.name} peer ${peer}`).toBe(true);
      const { stdout: listing } = await run('tar', ['-tzf', join(dir, tarball)], {
        maxBuffer: 1 << 24,
      });
      expect(listing).toContain('package/LICENSE');
      expect(listing).toContain('package/README.md');
      expect(listing).not.toMatch(/\.test\.(js|d\.ts)\b/);
      dependencies[manifest.name as string] = `file:./${tarball}`;
    }
    // `ai` as an app using the middleware has it (it brings the `@ai-sdk/provider` types the middleware's peer names);
    // those import `json-schema`, whose types a `skipLibCheck: false` app needs whatever Headroom does.
    const app = join(dir, 'app');
    await run('mkdir', [app]);
    for (const [name, spec] of Object.entries(dependencies))
      dependencies[name] = spec.replace('file:./', 'file:../');
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({
        name: 'app',
        private: true,
        type: 'module',
        dependencies: {
          ...dependencies,
          ai: '6.0.325',
          '@types/json-schema': '^7.0.15',
          '@types/node': '^20.19.0',
        },
      }),
    );
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
      { cwd: app },
    );
    // This app uses no LangChain: headroom-ai's dependency on @headroom/langchain must not bring it.
    await expect(access(join(app, 'node_modules/@langchain/core'))).rejects.toThrow();

    await writeFile(join(app, 'main.ts'), consumerSource);
    for (const resolution of ['bundler', 'nodenext'] as const) {
      await writeFile(
        join(app, `tsconfig.${resolution}.json`),
        JSON.stringify(tsconfig(resolution)),
      );
      const compiled = await run(process.execPath, [tsc, '-p', `tsconfig.${resolution}.json`], {
        cwd: app,
      }).then(
        () => '',
        (error: { stdout: string }) => error.stdout,
      );
      expect(compiled, resolution).toBe('');
    }
    const { stdout } = await run(process.execPath, ['out-nodenext/main.js'], { cwd: app });
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      kinds: ['code', 'log'],
      retrieved: '[ERROR] worker 2 crashed: out of memory',
      middleware: 'function',
      instance: 'function',
      fileStore: true,
      code: 'function',
    });
    expect(report.tokensAfter as number).toBeLessThan((report.tokensBefore as number) / 2);
    expect(
      await readFile(join(app, 'node_modules/@headroom/core/wasm/tree-sitter-python.wasm')),
    ).toBeTruthy();
  }, 300_000);
});
