import { parseStatement } from '../../../server/src/core/statement';
import type { Statement } from '../../../server/src/core/model';

export function statementOf(text: string, uri = 'file:///w/s.statement'): Statement {
  return parseStatement({ uri, version: 1, text });
}
