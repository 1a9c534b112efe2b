import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomicWrite';

/**
 * Which folders the person has said they trust. Shared by the extension and the CLI through
 * `~/.agentgate/trust.json`, keyed by each folder's real path:
 *
 *   { "version": 1, "folders": { "/home/me/work/app": { "trusted": true, "decidedAt": "2026-…" } } }
 *
 * A folder is trusted when it, or a folder above it, was trusted and nothing closer to it was
 * distrusted. An unknown folder is untrusted. A trust file that cannot be read or parsed trusts
 * nothing (and `setTrusted` refuses to overwrite it, so no one's decisions are lost).
 */
export interface TrustStore {
  isTrusted(folder: string): Promise<boolean>;
  setTrusted(folder: string, trusted: boolean): Promise<void>;
}

const trustFile = z.object({
  version: z.literal(1),
  folders: z.record(z.string(), z.object({ trusted: z.boolean(), decidedAt: z.string() })),
});
type TrustFile = z.infer<typeof trustFile>;

export class TrustFileError extends Error {
  override name = 'TrustFileError';
}

export class FileTrustStore implements TrustStore {
  constructor(readonly file: string) {}

  static forHome(home: string): FileTrustStore {
    return new FileTrustStore(path.join(home, '.agentgate', 'trust.json'));
  }

  async isTrusted(folder: string): Promise<boolean> {
    const data = await this.read().catch(() => undefined);
    if (!data) return false;
    let current = await realFolder(folder);
    for (;;) {
      const entry = data.folders[current];
      if (entry) return entry.trusted;
      const parent = path.dirname(current);
      if (parent === current) return false;
      current = parent;
    }
  }

  async setTrusted(folder: string, trusted: boolean): Promise<void> {
    const data = await this.read();
    data.folders[await realFolder(folder)] = { trusted, decidedAt: new Date().toISOString() };
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  }

  private async read(): Promise<TrustFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, folders: {} };
      throw new TrustFileError(`Cannot read ${this.file}: ${(error as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new TrustFileError(`${this.file} is not valid JSON. Fix or delete it; until then no folder is trusted.`);
    }
    const parsed = trustFile.safeParse(json);
    if (!parsed.success) {
      throw new TrustFileError(`${this.file} is not a trust file AgentGate understands: ${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  }
}

async function realFolder(folder: string): Promise<string> {
  const absolute = path.resolve(folder);
  return realpath(absolute).catch(() => absolute);
}
