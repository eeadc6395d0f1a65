/**
 * The one file-system interface the core may use. Everything is addressed by URI so that the core needs
 * no Node path handling; `server/src/node/nodeFileSystem.ts` implements it on disk and
 * `memoryFileSystem.ts` in memory (tests, benchmarks).
 */
/** Symbolic links are reported as such and never followed, so nothing outside the workspace is read. */
export type FileType = 'file' | 'directory' | 'symlink' | 'other';

export interface FileStat {
  type: FileType;
  /** Size in bytes. */
  size: number;
  /** Modification time, milliseconds since the epoch. */
  mtime: number;
}

export interface FileSystem {
  /** The file's bytes; rejects when it cannot be read. */
  readFile(uri: string): Promise<Uint8Array>;
  /** Rejects when the entry does not exist. */
  stat(uri: string): Promise<FileStat>;
  /** Names and types of a directory's entries. */
  readDirectory(uri: string): Promise<Array<[name: string, type: FileType]>>;
}
