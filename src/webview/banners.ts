/**
 * Why the agent cannot work, or works with limits, and what to do about it: no provider
 * configured, the workspace in Restricted Mode, or the folder not trusted by AgentGate yet. The
 * panel is never blank.
 */
import type { SetupAction, SetupStatus } from '../protocol/messages';
import { button, h, icon } from './dom';

export function renderBanners(status: SetupStatus, run: (action: SetupAction) => void): HTMLElement[] {
  const banners: HTMLElement[] = [];
  if (!status.provider.configured) {
    banners.push(
      h(
        'section',
        { class: 'banner banner-warning', attrs: { 'aria-label': 'No model provider configured' } },
        h('h2', {}, icon('key'), h('span', { text: 'Connect a model provider' })),
        h('p', { text: status.provider.problem }),
        h(
          'ul',
          {},
          h('li', { text: 'Anthropic API: set an API key. AgentGate keeps it in VS Code’s secret storage, never in a file.' }),
          h('li', {}, h('span', { text: 'Amazon Bedrock: start VS Code with ' }), h('code', { text: 'CLAUDE_CODE_USE_BEDROCK=1' }), h('span', { text: ', ' }), h('code', { text: 'AWS_REGION' }), h('span', { text: ' and AWS credentials in its environment.' })),
          h('li', {}, h('span', { text: 'Google Vertex AI: start VS Code with ' }), h('code', { text: 'CLAUDE_CODE_USE_VERTEX=1' }), h('span', { text: ', ' }), h('code', { text: 'CLOUD_ML_REGION' }), h('span', { text: ', ' }), h('code', { text: 'ANTHROPIC_VERTEX_PROJECT_ID' }), h('span', { text: ' and Google credentials.' })),
        ),
        h('div', { class: 'banner-actions' }, button({ label: 'Set API key', icon: 'key', variant: 'primary', onClick: () => run('setApiKey') }), button({ label: 'Show log', icon: 'output', variant: 'plain', onClick: () => run('showLog') })),
      ),
    );
  }
  if (!status.trusted) {
    banners.push(
      h(
        'section',
        { class: 'banner banner-info', attrs: { 'aria-label': 'Restricted Mode' } },
        h('h2', {}, icon('shield'), h('span', { text: 'Restricted Mode: the agent runs no tools' })),
        h('p', {
          text: 'This folder is not trusted, so AgentGate will chat but will not read or edit files, run commands or reach the network, and the project’s own settings cannot relax permissions. Trust the folder if you know where it came from.',
        }),
        h('div', { class: 'banner-actions' }, button({ label: 'Manage Workspace Trust', icon: 'workspace-trusted', onClick: () => run('manageTrust') })),
      ),
    );
  }
  if (status.trusted && !status.folderTrusted) {
    banners.push(
      h(
        'section',
        { class: 'banner banner-info', attrs: { 'aria-label': 'Folder not trusted' } },
        h('h2', {}, icon('shield'), h('span', { text: 'This folder is not trusted by AgentGate yet' })),
        h('p', {
          text: 'Its project allow rules, env, apiKeyHelper and .mcp.json servers are ignored until you trust it; its deny and ask rules already apply. AgentGate asks the first time the agent acts here.',
        }),
        h('div', { class: 'banner-actions' }, button({ label: 'Trust Folder…', icon: 'workspace-trusted', onClick: () => run('trustFolder') })),
      ),
    );
  }
  return banners;
}
