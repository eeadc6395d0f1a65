/**
 * The latest and the last good version of each file, for loaders of user-edited files (the catalogs): a file
 * that stops parsing keeps serving what its last good version held, while its problems are the latest ones.
 */
export class LastGoodFiles<T> {
  private readonly files = new Map<string, { latest: T; good: T | undefined }>();

  /** Records a new version of a file; only a `usable` one replaces the last good version. */
  set(uri: string, value: T, usable: boolean): void {
    this.files.set(uri, { latest: value, good: usable ? value : this.files.get(uri)?.good });
  }

  latest(uri: string): T | undefined {
    return this.files.get(uri)?.latest;
  }

  /** The last good version; the latest one while the file has never been good (it then holds nothing usable). */
  good(uri: string): T | undefined {
    const file = this.files.get(uri);
    return file && (file.good ?? file.latest);
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  /** Forgets every file not in `uris`. */
  retain(uris: readonly string[]): void {
    for (const uri of [...this.files.keys()]) if (!uris.includes(uri)) this.files.delete(uri);
  }
}
