/** Tells the panel whether a provider is configured and whether the workspace is trusted. */
import type { EffectiveSettings } from '../../core/settings/types';
import { withSettingsEnv } from '../../core/providers/environment';
import type { PanelChannel } from '../panelChannel';
import { providerStatus } from './providerStatus';

export interface SetupPublisherDeps {
  panel: PanelChannel;
  env: NodeJS.ProcessEnv;
  settings(): EffectiveSettings | undefined;
  trusted(): boolean;
  /** AgentGate's own trust of the folder (the shared trust store). */
  folderTrusted(): boolean;
  storedApiKey(): Promise<string | undefined>;
}

export class SetupPublisher {
  constructor(private readonly deps: SetupPublisherDeps) {}

  async publish(): Promise<void> {
    const settings = this.deps.settings();
    const provider = providerStatus({
      env: withSettingsEnv(this.deps.env, settings),
      storedKey: (await this.deps.storedApiKey()) !== undefined,
      apiKeyHelper: settings?.apiKeyHelper !== undefined,
    });
    this.deps.panel.post({ type: 'setup/status', provider, trusted: this.deps.trusted(), folderTrusted: this.deps.folderTrusted() });
  }
}
