import type { FileStat, FileSystem, FileType } from './fileSystem';
import { uriKey } from './uris';

/** An in-memory file system for tests and benchmarks; directories exist implicitly above files. */
export class MemoryFileSystem implements FileSystem {
  private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  private clock = 1;

  /** Creates or replaces a file; strings are stored as UTF-8. */
  write(uri: string, content: string | Uint8Array): void {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    this.files.set(uriKey(uri), { bytes, mtime: this.clock++ });
  }

  delete(uri: string): void {
    const key = uriKey(uri);
    for (const name of [...this.files.keys()]) {
      if (name === key || name.startsWith(`${key}/`)) this.files.delete(name);
    }
  }

  async readFile(uri: string): Promise<Uint8Array> {
    const file = this.files.get(uriKey(uri));
    if (!file) throw notFound(uri);
    return file.bytes;
  }

  async stat(uri: string): Promise<FileStat> {
    const key = uriKey(uri);
    const file = this.files.get(key);
    if (file) return { type: 'file', size: file.bytes.length, mtime: file.mtime };
    if (this.childrenOf(key).size > 0) return { type: 'directory', size: 0, mtime: 0 };
    throw notFound(uri);
  }

  async readDirectory(uri: string): Promise<Array<[string, FileType]>> {
    const children = this.childrenOf(uriKey(uri));
    if (children.size === 0) throw notFound(uri);
    return [...children];
  }

  private childrenOf(dirKey: string): Map<string, FileType> {
    const prefix = dirKey.endsWith('/') ? dirKey : `${dirKey}/`;
    const children = new Map<string, FileType>();
    for (const key of this.files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const slash = rest.indexOf('/');
      children.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'directory');
    }
    return children;
  }
}

function notFound(uri: string): Error {
  return Object.assign(new Error(`no such file or directory: ${uri}`), { code: 'ENOENT' });
}
