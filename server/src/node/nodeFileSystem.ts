import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileStat, FileSystem, FileType } from '../core/fileSystem';

/** The core's FileSystem on the local disk (file: URIs only). Symbolic links are reported, not followed. */
export class NodeFileSystem implements FileSystem {
  async readFile(uri: string): Promise<Uint8Array> {
    return fs.readFile(toPath(uri));
  }

  async stat(uri: string): Promise<FileStat> {
    const stats = await fs.lstat(toPath(uri));
    return { type: typeOf(stats), size: stats.size, mtime: stats.mtimeMs };
  }

  async readDirectory(uri: string): Promise<Array<[string, FileType]>> {
    const entries = await fs.readdir(toPath(uri), { withFileTypes: true });
    return entries.map((entry) => [entry.name, typeOf(entry)]);
  }
}

function toPath(uri: string): string {
  if (!uri.startsWith('file:')) throw new Error(`not a file URI: ${uri}`);
  return fileURLToPath(uri);
}

function typeOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): FileType {
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  return 'other';
}
