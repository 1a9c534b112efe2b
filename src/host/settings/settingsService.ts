/**
 * The workspace's merged settings, reloaded when any settings file changes, when trust is
 * granted and after "Always allow" saves a rule, so the next decision sees the new rule.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import { defaultManagedSettingsPath, formatDiagnostic, loadSettings } from '../../core/settings';
import type { EffectiveSettings } from '../../core/settings/types';

export interface SettingsServiceDeps {
  home: string;
  cwd(): string | undefined;
  trusted(): boolean;
  log: vscode.LogOutputChannel;
}

export class SettingsService implements vscode.Disposable {
  private settings: EffectiveSettings | undefined;
  private loading: Promise<EffectiveSettings | undefined> | undefined;
  private readonly emitter = new vscode.EventEmitter<EffectiveSettings | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  readonly onDidChange = this.emitter.event;

  constructor(private readonly deps: SettingsServiceDeps) {}

  get current(): EffectiveSettings | undefined {
    return this.settings;
  }

  /** Loads (again) and tells listeners. Concurrent calls share one load. */
  reload(): Promise<EffectiveSettings | undefined> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** Settings for a decision: the current ones, loading them first if needed. */
  async get(): Promise<EffectiveSettings | undefined> {
    return this.settings ?? (await this.reload());
  }

  private async load(): Promise<EffectiveSettings | undefined> {
    const cwd = this.deps.cwd();
    if (cwd === undefined) {
      this.settings = undefined;
    } else {
      this.settings = await loadSettings({ cwd, home: this.deps.home, trusted: this.deps.trusted() });
      for (const diagnostic of this.settings.diagnostics) {
        const text = formatDiagnostic(diagnostic, cwd);
        if (diagnostic.severity === 'error') this.deps.log.error(text);
        else this.deps.log.warn(text);
      }
    }
    this.emitter.fire(this.settings);
    return this.settings;
  }

  /**
   * Watches the workspace's settings files (the files outside it are read again at each turn
   * through `reload`, since their folders may not exist to be watched).
   */
  watch(): void {
    const cwd = this.deps.cwd();
    const patterns = [new vscode.RelativePattern(vscode.Uri.file(path.dirname(defaultManagedSettingsPath())), path.basename(defaultManagedSettingsPath()))];
    if (cwd !== undefined) patterns.push(new vscode.RelativePattern(vscode.Uri.file(cwd), '.claude/settings*.json'));
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const onChange = () => void this.reload().catch((error: unknown) => this.deps.log.error(`Could not reload settings: ${String(error)}`));
      this.disposables.push(watcher, watcher.onDidChange(onChange), watcher.onDidCreate(onChange), watcher.onDidDelete(onChange));
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
