/** Environment hygiene for the processes the harness starts. */

/**
 * The environment without variables that would make a child behave as if started by someone
 * else: `npm_*` of the `npm run` that started us (npm reads them as configuration, and
 * code-server's postinstall would see the outer Node's version in `npm_config_user_agent`), and
 * `VSCODE_*` / `ELECTRON_*` when run from a VS Code terminal (code-server would talk to that VS Code).
 */
export function inheritedEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^(npm_|VSCODE_|ELECTRON_)/i.test(name)));
}
