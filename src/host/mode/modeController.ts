/**
 * The session's permission mode: what the engine decides with, what the panel's mode control and
 * the status bar show. Starts from the settings' defaultMode when that is allowed.
 */
import * as vscode from 'vscode';
import type { EffectiveSettings, PermissionMode } from '../../core/settings/types';
import type { ModeOption } from '../../protocol/messages';
import { MODE_LABEL, MODE_SUMMARY } from '../../protocol/modes';
import type { PanelChannel } from '../panelChannel';
import { modeOptions, nextMode } from './modeOptions';

export class ModeUnavailableError extends Error {
  override name = 'ModeUnavailableError';
}

export class ModeController implements vscode.Disposable {
  private mode: PermissionMode = 'default';
  private options: ModeOption[];
  private settings: EffectiveSettings | undefined;
  private initialised = false;
  private readonly emitter = new vscode.EventEmitter<PermissionMode>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly panel: PanelChannel,
    private trusted: boolean,
  ) {
    this.options = modeOptions(undefined, trusted);
  }

  get current(): PermissionMode {
    return this.mode;
  }

  get available(): readonly ModeOption[] {
    return this.options;
  }

  /** New settings or trust: recompute what may be chosen; fall back to Default if needed. */
  update(settings: EffectiveSettings, trusted: boolean): void {
    this.settings = settings;
    this.trusted = trusted;
    this.options = modeOptions(settings, trusted);
    if (!this.initialised) {
      this.initialised = true;
      const initial = settings.permissions.defaultMode?.value;
      if (initial && this.isAvailable(initial)) this.mode = initial;
    }
    if (!this.isAvailable(this.mode)) this.mode = 'default';
    this.publish();
  }

  /** Sets the mode; asks for confirmation before Bypass. */
  async set(mode: PermissionMode, options: { confirmBypass?: boolean } = {}): Promise<void> {
    const option = this.options.find((candidate) => candidate.mode === mode);
    if (!option?.available) {
      const reason = option?.unavailableReason ?? 'It is not available here.';
      void vscode.window.showWarningMessage(`AgentGate: ${MODE_LABEL[mode]} mode is not available. ${reason}`);
      this.publish();
      return;
    }
    if (mode === 'bypassPermissions' && options.confirmBypass !== false) {
      const confirm = 'Switch to Bypass';
      const answer = await vscode.window.showWarningMessage(
        `Bypass mode: ${MODE_SUMMARY.bypassPermissions} Only deny rules still apply.`,
        { modal: true },
        confirm,
      );
      if (answer !== confirm) {
        this.publish();
        return;
      }
    }
    this.mode = mode;
    this.publish();
  }

  async cycle(): Promise<void> {
    await this.set(nextMode(this.mode, this.options));
  }

  isAvailable(mode: PermissionMode): boolean {
    return this.options.some((option) => option.mode === mode && option.available);
  }

  get trustedWorkspace(): boolean {
    return this.trusted;
  }

  get currentSettings(): EffectiveSettings | undefined {
    return this.settings;
  }

  private publish(): void {
    this.panel.post({ type: 'mode/changed', mode: this.mode, options: this.options });
    this.emitter.fire(this.mode);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
