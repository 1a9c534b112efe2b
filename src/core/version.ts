declare const AGENTGATE_VERSION: string | undefined;

/** The package version, injected by the bundler (see esbuild.mjs). */
export const version: string = typeof AGENTGATE_VERSION === 'string' ? AGENTGATE_VERSION : '0.0.0-dev';
