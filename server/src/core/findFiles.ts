import type { FileSystem } from './fileSystem';
import type { PathFilter } from './pathFilter';
import { readSourceFile } from './sourceFile';
import { joinUri } from './uris';

export interface FoundFile {
  uri: string;
  /** Relative to the folder walked, "/"-separated. */
  path: string;
  mtime: number;
}

/** `.gitignore` files larger than this are not read (a real one is a few KB). */
const MAX_GITIGNORE_SIZE = 1024 * 1024;

/**
 * Walks a folder for the files `filter` wants, reading each directory's `.gitignore` into the filter before
 * looking at its entries. Excluded directories, `.git` and symbolic links are never entered or read.
 * Stops early (returning what it found) when `cancelled()` turns true.
 */
export async function findFiles(
  fs: FileSystem,
  folderUri: string,
  filter: PathFilter,
  cancelled: () => boolean = () => false,
): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  async function walk(dirUri: string, dirPath: string): Promise<void> {
    let entries: Array<[string, string]>;
    try {
      entries = await fs.readDirectory(dirUri);
    } catch {
      return; // vanished or unreadable: nothing to find there
    }
    if (entries.some(([name, type]) => name === '.gitignore' && type === 'file')) {
      const source = await readSourceFile(fs, joinUri(dirUri, '.gitignore'), MAX_GITIGNORE_SIZE);
      if (source.text !== null) filter.addGitignore(dirPath, source.text);
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, type] of entries) {
      if (cancelled()) return;
      const path = dirPath === '' ? name : `${dirPath}/${name}`;
      const uri = joinUri(dirUri, name);
      if (type === 'directory') {
        if (name !== '.git' && !filter.isExcluded(path, true)) await walk(uri, path);
      } else if (type === 'file' && filter.isWanted(path) && !filter.isExcluded(path, false)) {
        try {
          found.push({ uri, path, mtime: (await fs.stat(uri)).mtime });
        } catch {
          // deleted while walking
        }
      }
    }
  }
  await walk(folderUri, '');
  return found;
}
