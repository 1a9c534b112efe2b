import type { HostToWebview } from '../protocol/messages';

/** How host services talk to the panel (implemented by the chat view provider). */
export interface PanelChannel {
  /** Sends a message; the panel keeps what it needs to show the same state after reloading. */
  post(message: HostToWebview): void;
  /** Whether the view is on screen. */
  readonly visible: boolean;
  /** Shows and focuses the view. */
  reveal(): Promise<void>;
}
