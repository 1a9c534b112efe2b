/**
 * The one place that maps each message from the webview to the service that handles it. The
 * switch is exhaustive: a new message type does not compile until it is routed.
 */
import { assertNever } from '../protocol/assertNever';
import type { ApprovalReplyMessage, PanelMode, SetupAction, WebviewToHost } from '../protocol/messages';

export interface PanelActions {
  chat: {
    send(turnId: string, text: string, context: { files: string[]; selection: boolean }): Promise<void>;
    stop(turnId: string | undefined): void;
    newSession(): Promise<void>;
    listSessions(requestId: string): Promise<void>;
    resume(sessionId: string): Promise<void>;
  };
  approvals: { reply(requestId: string, reply: ApprovalReplyMessage): Promise<void> };
  modes: { set(mode: PanelMode): Promise<void> };
  edits: {
    accept(editId: string): Promise<void>;
    reject(editId: string, feedback: string | undefined): Promise<void>;
    acceptAll(): Promise<void>;
    rejectAll(): Promise<void>;
    review(editId: string): Promise<void>;
    undo(editId: string): Promise<void>;
  };
  mentions: { search(requestId: string, query: string): Promise<void> };
  setup: { run(action: SetupAction): Promise<void> };
  workbench: {
    copy(text: string): Promise<void>;
    openLink(href: string): Promise<void>;
    openFile(path: string): Promise<void>;
  };
}

export function createRouter(actions: PanelActions): (message: Exclude<WebviewToHost, { type: 'app/hello' }>) => Promise<void> {
  return async (message) => {
    switch (message.type) {
      case 'chat/send':
        return actions.chat.send(message.requestId, message.text, message.context);
      case 'chat/stop':
        return actions.chat.stop(message.turnId);
      case 'session/new':
        return actions.chat.newSession();
      case 'session/list':
        return actions.chat.listSessions(message.requestId);
      case 'session/resume':
        return actions.chat.resume(message.sessionId);
      case 'permission/reply':
        return actions.approvals.reply(message.requestId, message.reply);
      case 'mode/set':
        return actions.modes.set(message.mode);
      case 'edit/accept':
        return actions.edits.accept(message.editId);
      case 'edit/reject':
        return actions.edits.reject(message.editId, message.feedback);
      case 'edit/acceptAll':
        return actions.edits.acceptAll();
      case 'edit/rejectAll':
        return actions.edits.rejectAll();
      case 'edit/review':
        return actions.edits.review(message.editId);
      case 'edit/undo':
        return actions.edits.undo(message.editId);
      case 'mention/search':
        return actions.mentions.search(message.requestId, message.query);
      case 'setup/run':
        return actions.setup.run(message.action);
      case 'clipboard/write':
        return actions.workbench.copy(message.text);
      case 'link/open':
        return actions.workbench.openLink(message.href);
      case 'file/open':
        return actions.workbench.openFile(message.path);
      default:
        return assertNever(message);
    }
  };
}
