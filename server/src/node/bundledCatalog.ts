import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The bundled catalog file as shipped (server/data/catalogs/…, beside dist/ in the extension), so that go to
 * definition lands on an entry's exact line. Undefined when it is not found: entries then have no location.
 */
export function readBundledCatalog(): { uri: string; text: string } | undefined {
  const relative = path.join('server', 'data', 'catalogs', 'security-council.catalog.json');
  // dist/server.js and dist/cli.js sit one level below the root; server/src/node (tests) three.
  for (const root of [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..', '..')]) {
    const file = path.join(root, relative);
    if (existsSync(file)) return { uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
  }
  return undefined;
}
