import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { byCodeUnit } from '../order.js';

/** A node of a directory listing, the shape of the MCP filesystem server's `directory_tree`, plus sizes. */
export type TreeNode =
  | { name: string; type: 'file'; size: number }
  | { name: string; type: 'directory'; children: TreeNode[] };

/** The tree under `dir`, entries in code-unit order. */
export function dirTree(dir: string, name: string): TreeNode {
  const children = readdirSync(dir)
    .sort(byCodeUnit)
    .map((entry): TreeNode => {
      const full = join(dir, entry);
      const stat = statSync(full);
      return stat.isDirectory()
        ? dirTree(full, entry)
        : { name: entry, type: 'file', size: stat.size };
    });
  return { name, type: 'directory', children };
}

/** Number of files in a tree. */
export function countFiles(node: TreeNode): number {
  return node.type === 'file'
    ? 1
    : node.children.reduce((sum, child) => sum + countFiles(child), 0);
}
