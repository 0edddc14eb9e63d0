/**
 * Finds a model already downloaded into the Hugging Face hub cache (the layout the Python `huggingface_hub`
 * writes: `<cache>/models--owner--name/snapshots/<commit>/`), so a model fetched once by any HF tool loads offline.
 * Uses `process.getBuiltinModule` rather than a static `node:` import so this file stays loadable on edge runtimes,
 * where it simply finds nothing.
 */
export function findHubSnapshot(repoId: string, revision = 'main'): string | undefined {
  const node = nodeModules();
  if (!node || !/^[\w.-]+\/[\w.-]+$/.test(repoId)) return undefined;
  const { fs, path, os, env } = node;
  const roots = [
    env.HF_HUB_CACHE,
    env.HUGGINGFACE_HUB_CACHE,
    env.HF_HOME && path.join(env.HF_HOME, 'hub'),
    path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'huggingface', 'hub'),
  ].filter((root): root is string => Boolean(root));
  for (const root of roots) {
    const repoDir = path.join(root, `models--${repoId.replace('/', '--')}`);
    const snapshots = path.join(repoDir, 'snapshots');
    try {
      const commit = fs.readFileSync(path.join(repoDir, 'refs', revision), 'utf8').trim();
      const dir = path.join(snapshots, commit);
      if (fs.existsSync(dir)) return dir;
    } catch {
      // No ref recorded (e.g. the cache was copied by hand): use the snapshot if there is exactly one.
      const entries = fs.existsSync(snapshots) ? fs.readdirSync(snapshots) : [];
      if (entries.length === 1) return path.join(snapshots, entries[0]!);
    }
  }
  return undefined;
}

function nodeModules() {
  const process = globalThis.process;
  if (typeof process?.getBuiltinModule !== 'function') return undefined;
  return {
    fs: process.getBuiltinModule('node:fs') as typeof import('node:fs'),
    path: process.getBuiltinModule('node:path') as typeof import('node:path'),
    os: process.getBuiltinModule('node:os') as typeof import('node:os'),
    env: process.env,
  };
}
