/**
 * An approval prompt inline in the conversation: the exact command, URL or tool call, what it
 * does, why AgentGate asks, and three choices: "Allow once", "Always allow" (with the rule that
 * will be saved, editable, and where it goes) and "Deny" (with optional feedback for the model).
 * Plan prompts ask whether to proceed with the proposed plan instead.
 */
import type { ApprovalReplyMessage, PanelMode, PermissionPrompt, PermissionRequest } from '../protocol/messages';
import { button, h, icon, inlineText } from './dom';

export interface PromptHooks {
  reply(requestId: string, reply: ApprovalReplyMessage): void;
  setMode(mode: PanelMode): void;
  markdown(source: string): DocumentFragment;
}

const KIND_ICON: Record<PermissionPrompt['kind'], string> = {
  bash: 'terminal',
  webFetch: 'globe',
  mcp: 'plug',
  plan: 'checklist',
  other: 'shield',
};

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

export function renderApprovalPrompt(message: PermissionRequest, hooks: PromptHooks): HTMLElement {
  const { prompt, requestId } = message;
  const titleId = nextId('prompt-title');
  const section = h('section', {
    class: `approval kind-${prompt.kind}`,
    attrs: { role: 'group', 'aria-labelledby': titleId, 'data-request-id': requestId },
  });
  section.append(h('h3', { class: 'approval-title', attrs: { id: titleId } }, icon(KIND_ICON[prompt.kind]), h('span', { text: prompt.title })));
  if (prompt.kind === 'plan') {
    section.append(h('div', { class: 'approval-plan markdown' }, hooks.markdown(prompt.plan ?? prompt.subject)));
    section.append(planActions(requestId, hooks));
    return section;
  }
  section.append(h('pre', { class: 'approval-subject', attrs: { 'aria-label': subjectLabel(prompt) } }, h('code', { text: prompt.subject })));
  const facts = h('dl', { class: 'approval-facts' });
  if (prompt.description) facts.append(h('dt', { text: 'What it does' }), h('dd', {}, inlineText(prompt.description)));
  facts.append(h('dt', { text: 'Why AgentGate asks' }), h('dd', {}, inlineText(prompt.reason)));
  section.append(facts);
  if (prompt.subcommands.length > 1) section.append(subcommandList(prompt));
  section.append(toolActions(requestId, prompt, hooks));
  return section;
}

function subjectLabel(prompt: PermissionPrompt): string {
  if (prompt.kind === 'bash') return 'Command';
  if (prompt.kind === 'webFetch') return 'URL';
  return 'Tool call';
}

function subcommandList(prompt: PermissionPrompt): HTMLElement {
  const list = h('ul', { class: 'approval-parts', attrs: { 'aria-label': 'Parts of the command' } });
  for (const part of prompt.subcommands) {
    const verdict = part.decision === 'allow' ? 'allowed' : part.decision === 'deny' ? 'denied' : 'needs approval';
    list.append(h('li', { class: `part-${part.decision}` }, h('code', { text: part.command }), h('span', { text: ` — ${verdict}: ` }), inlineText(part.reason)));
  }
  return h('div', {}, h('p', { class: 'muted', text: 'The command has several parts; each was checked on its own:' }), list);
}

function toolActions(requestId: string, prompt: PermissionPrompt, hooks: PromptHooks): HTMLElement {
  const feedbackId = nextId('feedback');
  const feedback = h('textarea', {
    class: 'approval-feedback',
    attrs: { id: feedbackId, rows: 1, placeholder: 'Optional: tell the model why, or what to do instead' },
  });
  const deny = () => {
    const text = feedback.value.trim();
    hooks.reply(requestId, text ? { kind: 'deny', feedback: text } : { kind: 'deny' });
  };
  feedback.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      deny();
    }
  });
  const always = alwaysForm(requestId, prompt, hooks);
  const alwaysButton = button({
    label: 'Always allow',
    icon: 'pass-filled',
    onClick: () => {
      always.hidden = !always.hidden;
      alwaysButton.setAttribute('aria-expanded', String(!always.hidden));
      if (!always.hidden) always.querySelector('input')?.focus();
    },
  });
  alwaysButton.setAttribute('aria-expanded', 'false');
  if (prompt.suggestions.length === 0) {
    alwaysButton.disabled = true;
    alwaysButton.title = 'No rule is narrow enough to suggest for this request; allow it once instead.';
  }
  const row = h(
    'div',
    { class: 'approval-actions' },
    button({ label: 'Allow once', icon: 'check', variant: 'primary', onClick: () => hooks.reply(requestId, { kind: 'allowOnce' }) }),
    alwaysButton,
    button({ label: 'Deny', icon: 'close', variant: 'danger', onClick: deny }),
  );
  const feedbackLabel = h('label', { class: 'approval-feedback-label', text: 'Feedback if you deny (sent to the model)', attrs: { for: feedbackId } });
  return h('div', {}, row, always, feedbackLabel, feedback);
}

function alwaysForm(requestId: string, prompt: PermissionPrompt, hooks: PromptHooks): HTMLElement {
  const ruleId = nextId('rule');
  const rule = h('input', { class: 'rule-input', attrs: { id: ruleId, type: 'text', spellcheck: 'false', value: prompt.suggestions[0] ?? '' } });
  const error = h('p', { class: 'approval-error', attrs: { role: 'alert' } });
  const group = nextId('scope');
  const scope = (value: 'local' | 'project', text: string, file: string, checked: boolean) =>
    h(
      'label',
      { class: 'scope-option' },
      h('input', { attrs: { type: 'radio', name: group, value, checked } }),
      h('span', { text }),
      h('code', { text: file }),
    );
  const fieldset = h(
    'fieldset',
    { class: 'scope' },
    h('legend', { text: 'Save the rule for' }),
    scope('local', 'Only me, in this workspace', prompt.scopeFiles.local, true),
    scope('project', 'Everyone on the team (committed)', prompt.scopeFiles.project, false),
  );
  const others = prompt.suggestions.slice(1);
  const submit = () => {
    const value = rule.value.trim();
    if (!value) {
      error.textContent = 'Write the rule to save, e.g. Bash(npm run test:*).';
      return;
    }
    const chosen = fieldset.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value === 'project' ? 'project' : 'local';
    hooks.reply(requestId, { kind: 'allowAlways', rule: value, scope: chosen });
  };
  rule.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    }
  });
  const form = h(
    'div',
    { class: 'always-form' },
    h('label', { text: 'Rule to save (you can edit it)', attrs: { for: ruleId } }),
    rule,
    others.length > 0
      ? h('p', { class: 'muted', text: `Other parts of this command will still ask next time unless allowed: ${others.join(', ')}` })
      : null,
    fieldset,
    h('p', { class: 'muted', text: 'This allows the request now and saves the rule; matching requests then run without asking.' }),
    h(
      'div',
      { class: 'approval-actions' },
      button({ label: 'Save rule and allow', icon: 'save', variant: 'primary', onClick: submit }),
      button({
        label: 'Cancel',
        variant: 'plain',
        onClick: () => {
          form.hidden = true;
        },
      }),
    ),
    error,
  );
  form.hidden = true;
  return form;
}

function planActions(requestId: string, hooks: PromptHooks): HTMLElement {
  const feedbackId = nextId('plan-feedback');
  const feedback = h('textarea', { class: 'approval-feedback', attrs: { id: feedbackId, rows: 2, placeholder: 'What should change in the plan?' } });
  const proceed = (mode: PanelMode) => {
    hooks.setMode(mode);
    hooks.reply(requestId, { kind: 'allowOnce' });
  };
  return h(
    'div',
    {},
    h('p', { class: 'muted', text: 'Nothing has been changed yet. Proceeding leaves Plan mode.' }),
    h(
      'div',
      { class: 'approval-actions' },
      button({ label: 'Proceed, asking before each edit', icon: 'check', variant: 'primary', onClick: () => proceed('default') }),
      button({ label: 'Proceed and accept edits', icon: 'check-all', onClick: () => proceed('acceptEdits') }),
      button({
        label: 'Keep planning',
        icon: 'comment',
        onClick: () => {
          const text = feedback.value.trim();
          hooks.reply(requestId, text ? { kind: 'deny', feedback: text } : { kind: 'deny' });
        },
      }),
    ),
    h('label', { class: 'approval-feedback-label', text: 'Feedback on the plan (sent if you keep planning)', attrs: { for: feedbackId } }),
    feedback,
  );
}

/** Shows an error from the host (e.g. an invalid rule) without resolving the prompt. */
export function showPromptError(section: HTMLElement, error: string): void {
  const target = section.querySelector<HTMLElement>('.approval-error');
  if (target) {
    target.textContent = error;
    const form = section.querySelector<HTMLElement>('.always-form');
    if (form) form.hidden = false;
  }
}

export function renderResolved(subject: string, summary: string, outcome: string): HTMLElement {
  const glyph = outcome === 'deny' ? 'circle-slash' : outcome === 'cancelled' ? 'debug-stop' : 'check';
  return h('div', { class: `approval-record outcome-${outcome}` }, icon(glyph), h('span', { text: summary }), subject ? h('code', { text: subject }) : null);
}
