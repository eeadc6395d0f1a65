/**
 * Small helpers for hierarchical URIs (file:, and in-memory schemes in tests) without Node's path module.
 * Names are joined percent-encoded, and URIs are compared by `uriKey`, which undoes percent-encoding, so
 * that `file:///a%20b` from the editor and `file:///a b`-style spellings from elsewhere meet.
 */

/** Appends a path segment (a file or directory name) to a directory URI. */
export function joinUri(dirUri: string, name: string): string {
  const base = dirUri.endsWith('/') ? dirUri.slice(0, -1) : dirUri;
  return `${base}/${encodeURIComponent(name)}`;
}

/** A canonical form for comparing URIs: decoded path, lower-case scheme and Windows drive letter. */
export function uriKey(uri: string): string {
  const match = /^([a-zA-Z][\w+.-]*):(\/\/[^/]*)?(.*)$/.exec(uri);
  if (!match) return uri;
  const [, scheme, authority = '', rawPath] = match;
  let path = safeDecode(rawPath);
  path = path.replace(/^\/([A-Za-z]):/, (_, drive: string) => `/${drive.toLowerCase()}:`);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return `${scheme.toLowerCase()}:${authority.toLowerCase()}${path}`;
}

/** The decoded path of `uri` relative to `folderUri` ("a/b.stmt"), or null when it is not inside it. */
export function relativePath(folderUri: string, uri: string): string | null {
  const folder = uriKey(folderUri);
  const target = uriKey(uri);
  if (target === folder) return '';
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return target.startsWith(prefix) ? target.slice(prefix.length) : null;
}

/** The last path segment, decoded. */
export function basename(uri: string): string {
  const key = uriKey(uri);
  return key.slice(key.lastIndexOf('/') + 1);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
