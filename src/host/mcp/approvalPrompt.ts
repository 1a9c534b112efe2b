/**
 * The modal dialog that approves a repository's MCP server. It shows exactly what would run (the
 * full command and arguments, or the URL, plus env and header names and the variables of the
 * person's environment it reads) and offers "Approve", "Approve All in .mcp.json" (listing the
 * other servers that would be approved with it) and "Don't Approve". Replies are semantic.
 */
import * as vscode from 'vscode';
import { describeDefinition, describeTarget } from '../../core/mcp/describe';
import type { EvaluatedServer } from '../../core/mcp/manager';

export type McpApprovalReply = 'approve' | 'approveAll' | 'deny';

export const APPROVE = 'Approve';
export const APPROVE_ALL = 'Approve All in .mcp.json';
export const DONT_APPROVE = "Don't Approve";

export function approvalPromptText(server: EvaluatedServer, others: readonly EvaluatedServer[]): { message: string; detail: string } {
  const lines = [
    `Defined in: ${server.entry.file}`,
    '',
    ...describeDefinition(server.entry.config),
    '',
    server.policy.reason,
    'It runs with your user account’s permissions. The approval is pinned to this exact definition: any change to it asks again.',
  ];
  if (others.length > 0) {
    lines.push('', `"${APPROVE_ALL}" also approves:`);
    for (const other of others) lines.push(`• ${other.entry.name}: ${describeTarget(other.entry.config)}`);
  }
  return { message: `Start the MCP server "${server.entry.name}" from this repository's .mcp.json?`, detail: lines.join('\n') };
}

/** Asks about `server`; `others` are the other servers awaiting approval in the same file. */
export async function askMcpApproval(server: EvaluatedServer, others: readonly EvaluatedServer[]): Promise<McpApprovalReply> {
  const { message, detail } = approvalPromptText(server, others);
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, APPROVE, APPROVE_ALL, DONT_APPROVE);
  if (choice === APPROVE) return 'approve';
  if (choice === APPROVE_ALL) return 'approveAll';
  return 'deny';
}
