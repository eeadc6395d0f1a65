import ignore, { type Ignore } from 'ignore';
import { Minimatch } from 'minimatch';

/**
 * Globs in VS Code style, matched against paths relative to a workspace folder ("a/b.stmt"): as in
 * `files.exclude`, `*.txt` matches at the top only and `**\/*.txt` at any depth; dot files are matched.
 */
export class GlobSet {
  private readonly matchers: Minimatch[];

  constructor(globs: readonly string[]) {
    this.matchers = globs.map((glob) => new Minimatch(glob.replace(/^\.\//, ''), { dot: true, nocomment: true }));
  }

  matches(relativePath: string): boolean {
    return this.matchers.some((matcher) => matcher.match(relativePath));
  }
}

/** Which files under one folder to take: by name globs, minus exclude globs and `.gitignore` rules. */
export class PathFilter {
  private readonly names: GlobSet;
  private readonly excludes: GlobSet;
  /** Parsed `.gitignore` per directory (relative path, "" for the folder itself). */
  private readonly gitignores = new Map<string, Ignore>();

  constructor(nameGlobs: readonly string[], excludeGlobs: readonly string[]) {
    this.names = new GlobSet(nameGlobs);
    this.excludes = new GlobSet(excludeGlobs);
  }

  /** Records the `.gitignore` found in directory `dir` ("" for the folder root). */
  addGitignore(dir: string, content: string): void {
    this.gitignores.set(dir, ignore({ allowRelativePaths: true }).add(content));
  }

  isWanted(relativePath: string): boolean {
    return this.names.matches(relativePath);
  }

  /**
   * Whether `relativePath` itself is excluded (not its ancestors: the walk never enters an excluded
   * directory; `isExcludedWithAncestors` checks the whole chain for single file events).
   * Deeper `.gitignore` files override shallower ones, and a later rule wins within a file, as in git.
   */
  isExcluded(relativePath: string, isDirectory: boolean): boolean {
    if (this.excludes.matches(relativePath)) return true;
    let ignored = false;
    for (const [dir, rules] of this.gitignores) {
      if (dir !== '' && !relativePath.startsWith(`${dir}/`)) continue;
      const inner = dir === '' ? relativePath : relativePath.slice(dir.length + 1);
      const result = rules.test(isDirectory ? `${inner}/` : inner);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  isExcludedWithAncestors(relativePath: string): boolean {
    const parts = relativePath.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (parts[i - 1] === '.git' || this.isExcluded(parts.slice(0, i).join('/'), true)) return true;
    }
    return this.isExcluded(relativePath, false);
  }
}
