import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, ServerCommands, type CodingStateResult } from '../../../server/src/features/codingProtocol';
import { codingState, runServerCommand, statementEditor, targetPaths } from './codingClient';

interface CodeItem extends vscode.QuickPickItem {
  id?: string;
}

/** Codebook as pick items: categories (not codable) become separators, sub-codes are indented. */
function pickItems(state: CodingStateResult, onAll: Set<string>, onSome: Set<string>): CodeItem[] {
  const items: CodeItem[] = [];
  for (const code of state.codebook) {
    if (!code.codable) {
      items.push({ label: code.label, kind: vscode.QuickPickItemKind.Separator });
      continue;
    }
    items.push({
      id: code.id,
      label: `${'\u2003'.repeat(code.depth)}${code.id}`,
      description: code.label + (onSome.has(code.id) && !onAll.has(code.id) ? ' (on some selected paragraphs)' : ''),
      detail: code.description ?? undefined,
      picked: onAll.has(code.id),
    });
  }
  return items;
}

/**
 * "Tag Paragraph with Codes…": a multi-select pick of the codebook for the paragraph at the cursor, or every
 * paragraph the selection touches; codes on all of them start selected. Unselecting removes a code, selecting
 * adds it; the server writes one edit, so one undo reverts it.
 */
export function registerTagCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(ClientCommands.tag, async (uri?: string, ...paths: string[]) => {
    const editor = statementEditor(uri);
    if (!editor) return;
    const state = await codingState(client, editor);
    if (state.codebookProblem) {
      void vscode.window.showWarningMessage(state.codebookProblem);
      return;
    }
    const targets = targetPaths(state, paths);
    if (targets.length === 0) {
      void vscode.window.showInformationMessage('Put the cursor in a paragraph to tag it.');
      return;
    }
    const current = targets.map((p) => new Set(state.coded.find((c) => c.path === p)?.codes ?? []));
    const onAll = new Set([...current[0]].filter((c) => current.every((set) => set.has(c))));
    const onSome = new Set(current.flatMap((set) => [...set]));
    const picked = await vscode.window.showQuickPick(pickItems(state, onAll, onSome), {
      canPickMany: true,
      matchOnDescription: true,
      matchOnDetail: true,
      title: targets.length === 1 ? `Codes of paragraph ${targets[0]}` : `Codes of ${targets.length} paragraphs (${targets.join(', ')})`,
      placeHolder: 'Select codes; unselect to remove',
    });
    if (!picked) return;
    const chosen = new Set(picked.map((i) => i.id).filter((id): id is string => !!id));
    const add = [...chosen].filter((id) => !onAll.has(id));
    const remove = [...onAll].filter((id) => !chosen.has(id));
    if (add.length === 0 && remove.length === 0) return;
    await runServerCommand(ServerCommands.setCodes, { uri: editor.document.uri.toString(), paths: targets, add, remove });
  });
}
