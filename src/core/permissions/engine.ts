import { decideBash } from './bash/decide';
import { decideBashCommand, type BashDecider } from './bashDecision';
import { buildEnv, type EvalEnv } from './env';
import { decideRead, decideWrite } from './fileDecisions';
import { plain, removedTool } from './flow';
import { isDirectory, PathResolutionError, pathTarget } from './paths';
import { parseToolRequest, type ToolAction } from './toolInput';
import { decideMcp, decideOther, decideWebFetch, decideWebSearch } from './toolDecisions';
import type { Decision, PermissionContext, ToolRequest } from './types';
import type { ParsedRule } from '../settings/types';

/**
 * The permission decision engine: what the agent wants to do plus the merged settings in, allow /
 * ask / deny with a reason out. See PERMISSIONS.md "Evaluation". Stateless: settings and mode are
 * read from the context on every call.
 */
export class PermissionEngine {
  /** @param analyseBash the shell analysis; replaceable in tests. */
  constructor(private readonly analyseBash: BashDecider = decideBash) {}

  async decide(request: ToolRequest, ctx: PermissionContext): Promise<Decision> {
    const parsed = parseToolRequest(request.tool, request.input);
    const name = typeof request.tool === 'string' && request.tool !== '' ? request.tool : 'tool';
    if (!parsed.ok) return plain('deny', `The ${name} request is invalid and was denied: ${parsed.error}.`);
    const env = buildEnv(ctx);
    const removed = bareRule(env.rules.deny, request.tool);
    if (removed) return removedTool(removed, request.tool);
    try {
      return await this.decideAction(parsed.action, request.tool, env);
    } catch (error) {
      if (error instanceof PathResolutionError) return plain('deny', `The ${name} request was denied: ${error.message}`);
      throw error;
    }
  }

  private decideAction(action: ToolAction, tool: string, env: EvalEnv): Promise<Decision> | Decision {
    switch (action.kind) {
      case 'bash':
        return decideBashCommand(action.command, env, this.analyseBash);
      case 'read': {
        const target = pathTarget(env.ctx.cwd, action.path);
        const isDir = action.directory === 'auto' ? target.candidates.some(isDirectory) : action.directory;
        return decideRead(action.tool, target, isDir, env);
      }
      case 'write':
        return decideWrite(action.tool, pathTarget(env.ctx.cwd, action.path), env);
      case 'webFetch':
        return decideWebFetch(action.url, env);
      case 'webSearch':
        return decideWebSearch(env);
      case 'mcp':
        return decideMcp(tool, action.server, action.name, env);
      case 'other':
        return decideOther(action.tool, env);
    }
  }
}

/** The first rule of a list that is the bare tool name (`Bash`, not `Bash(...)`). */
function bareRule(rules: readonly ParsedRule[], tool: string): ParsedRule | undefined {
  return rules.find((r) => r.specifier === undefined && r.tool === tool);
}

const defaultEngine = new PermissionEngine();

/** Decides one tool request with the real shell analysis. */
export function decide(request: ToolRequest, ctx: PermissionContext): Promise<Decision> {
  return defaultEngine.decide(request, ctx);
}
