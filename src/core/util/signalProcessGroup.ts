import { spawn } from 'node:child_process';

/**
 * Sends `signal` to the process group led by `pid` (on Windows: ends the process tree). When
 * there is no such group (it is gone, or the process does not lead one), the process itself is
 * signalled. A process that no longer exists is not an error; anything else is thrown.
 */
export function signalProcessGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    if (process.platform === 'win32') {
      spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).on('error', () => undefined);
    } else {
      process.kill(-pid, signal);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    try {
      process.kill(pid, signal);
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code !== 'ESRCH') throw inner;
    }
  }
}
