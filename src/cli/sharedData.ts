import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * Finds `../shared/data` beside the repository clone: CI lays `shared/` next to the clone, so from
 * the repo root it is `../shared/data`. The root is found from `startDir` upwards (the folder with
 * `.git`); in a linked git worktree `.git` is a file pointing into the clone's `.git`, and the
 * clone's root is used, so every worktree finds the same data. Returns where it looked when absent.
 */
export function sharedDataDir(startDir: string): { dir: string; exists: boolean } {
  const root = cloneRoot(startDir);
  const dir = resolve(root, '../shared/data');
  return { dir, exists: existsSync(dir) };
}

function cloneRoot(startDir: string): string {
  let dir = resolve(startDir);
  for (;;) {
    const git = join(dir, '.git');
    if (existsSync(git)) {
      if (statSync(git).isDirectory()) return dir;
      // A worktree: ".git" holds "gitdir: <clone>/.git/worktrees/<name>", whose "commondir" leads to <clone>/.git.
      const gitdir = readFileSync(git, 'utf8')
        .replace(/^gitdir:\s*/, '')
        .trim();
      const worktreeGit = isAbsolute(gitdir) ? gitdir : resolve(dir, gitdir);
      const commondirFile = join(worktreeGit, 'commondir');
      const common = existsSync(commondirFile) ? resolve(worktreeGit, readFileSync(commondirFile, 'utf8').trim()) : resolve(worktreeGit, '../..');
      return dirname(common);
    }
    const parent = dirname(dir);
    if (parent === dir) return resolve(startDir);
    dir = parent;
  }
}
