// The kaohe extension: starts `kaohe lsp` (the language server) for .rule files.
// The program is the setting `kaohe.path` (default: `kaohe` on PATH); `kaohe.lang`
// names the language of the messages, else the editor's own is used. A change of
// either setting restarts the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function start() {
  const config = vscode.workspace.getConfiguration('kaohe');
  const command = config.get('path') || 'kaohe';
  const args = ['lsp'];
  const lang = config.get('lang');
  if (lang) {
    args.push('--lang', lang);
  }
  const server = { command, args };
  client = new LanguageClient(
    'kaohe',
    'kaohe',
    { run: server, debug: server },
    { documentSelector: [{ language: 'kaohe-rule' }] }
  );
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `kaohe: cannot start \`${command} lsp\` (${error.message}); set "kaohe.path" to the kaohe program`
    );
  });
}

function activate(context) {
  start();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('kaohe')) {
        if (client) {
          await client.stop().catch(() => undefined);
        }
        await start();
      }
    })
  );
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
