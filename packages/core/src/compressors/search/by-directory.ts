/**
 * Files grouped by directory, directories in the order they first appear: `lib/commands/` → the
 * labels of its files. A file at the top has the directory `./`.
 */
export function byDirectory<T>(
  files: readonly T[],
  pathOf: (file: T) => string,
  label: (file: T, base: string) => string,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const path = pathOf(file);
    const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
    const dir = path.slice(0, cut) || './';
    const named = label(file, path.slice(cut));
    const group = groups.get(dir);
    if (group) group.push(named);
    else groups.set(dir, [named]);
  }
  return groups;
}
