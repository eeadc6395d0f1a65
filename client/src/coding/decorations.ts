import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../names';
import { codingState } from './codingClient';

const DELAY_MS = 300;

/**
 * Colours coded paragraphs with their first code's codebook colour: a bar at the left edge and a mark in the
 * overview ruler. Refreshed when statement editors become visible or change.
 */
export function registerCodingDecorations(client: LanguageClient): vscode.Disposable {
  const types = new Map<string, vscode.TextEditorDecorationType>();
  const typeFor = (color: string): vscode.TextEditorDecorationType => {
    let type = types.get(color);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType({
        isWholeLine: true,
        borderStyle: 'solid',
        borderWidth: '0 0 0 3px',
        borderColor: color,
        overviewRulerColor: color,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
      });
      types.set(color, type);
    }
    return type;
  };
  const refresh = async (editor: vscode.TextEditor): Promise<void> => {
    if (editor.document.languageId !== LANGUAGE_ID) return;
    const state = await codingState(client, editor).catch(() => null);
    if (!state) return;
    const colors = new Map(state.codebook.map((c) => [c.id, c.color]));
    const byColor = new Map<string, vscode.Range[]>();
    for (const p of state.coded) {
      const color = p.codes.map((id) => colors.get(id)).find((c): c is string => !!c);
      if (!color) continue;
      const range = new vscode.Range(p.range.start.line, 0, p.range.end.line, 0);
      byColor.set(color, [...(byColor.get(color) ?? []), range]);
    }
    for (const [color, type] of types) if (!byColor.has(color)) editor.setDecorations(type, []);
    for (const [color, ranges] of byColor) editor.setDecorations(typeFor(color), ranges);
  };
  const timers = new Map<string, NodeJS.Timeout>();
  const later = (editor: vscode.TextEditor): void => {
    const key = editor.document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => void refresh(editor), DELAY_MS));
  };
  vscode.window.visibleTextEditors.forEach(later);
  return vscode.Disposable.from(
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach(later)),
    vscode.workspace.onDidChangeTextDocument((e) => vscode.window.visibleTextEditors.filter((ed) => ed.document === e.document).forEach(later)),
    // Sidecar and codebook edits change what a statement shows.
    vscode.workspace.onDidSaveTextDocument(() => vscode.window.visibleTextEditors.forEach(later)),
    { dispose: () => [...types.values()].forEach((t) => t.dispose()) },
    { dispose: () => [...timers.values()].forEach(clearTimeout) },
  );
}
