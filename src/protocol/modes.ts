/**
 * Permission modes as the panel names them. The values equal core's `PermissionMode`; the protocol
 * keeps its own copy because it never imports core.
 */
export const PANEL_MODES = ['default', 'acceptEdits', 'plan', 'bypassPermissions'] as const;
export type PanelMode = (typeof PANEL_MODES)[number];

export const MODE_LABEL: Record<PanelMode, string> = {
  default: 'Default',
  acceptEdits: 'Accept Edits',
  plan: 'Plan',
  bypassPermissions: 'Bypass',
};

/** One sentence each: what the agent may do without asking in that mode. */
export const MODE_SUMMARY: Record<PanelMode, string> = {
  default: 'Asks before every edit, command and web request that no rule allows.',
  acceptEdits: 'Applies file edits inside the workspace without asking; still asks before commands.',
  plan: 'Reads and plans only; asks before changing anything.',
  bypassPermissions: 'Runs everything that no deny rule forbids, without asking.',
};
