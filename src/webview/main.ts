import { assertNever } from '../protocol/assertNever';
import type { HostToWebview } from '../protocol/messages';
import { vscodeApi } from './vscodeApi';

const app = document.getElementById('app') as HTMLElement;
let counter = 0;
let pending: string | undefined;

function render(): void {
  app.replaceChildren();
  const heading = document.createElement('h1');
  heading.textContent = 'AgentGate';
  const status = document.createElement('p');
  status.id = 'connection-status';
  status.setAttribute('role', 'status');
  status.textContent = 'Connecting to AgentGate…';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Check connection';
  button.addEventListener('click', hello);
  app.append(heading, status, button);
}

function hello(): void {
  pending = `hello-${++counter}`;
  vscodeApi.postMessage({ type: 'app/hello', requestId: pending });
}

function receive(message: HostToWebview): void {
  switch (message.type) {
    case 'app/welcome': {
      if (message.requestId !== pending) return;
      const status = document.getElementById('connection-status');
      if (!status) return;
      const where = message.workspaceName ? `workspace “${message.workspaceName}”` : 'no folder open';
      status.textContent = `Connected: AgentGate ${message.version}, ${where}.`;
      status.dataset.checks = String(counter);
      return;
    }
    default:
      assertNever(message.type);
  }
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => receive(event.data));
render();
hello();
