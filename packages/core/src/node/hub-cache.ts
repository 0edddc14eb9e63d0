import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Finds a model already downloaded into the Hugging Face hub cache (the layout the Python `huggingface_hub`
 * writes: `<cache>/models--owner--name/snapshots/<commit>/`), so a model fetched once by any HF tool loads offline.
 */
export function findHubSnapshot(repoId: string, revision = 'main'): string | undefined {
  if (!/^[\w.-]+\/[\w.-]+$/.test(repoId)) return undefined;
  const { env } = process;
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
