import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export type SpawnedServer = { url: string; output: () => string; stop: () => Promise<void>; exited: Promise<number | null> };

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs the server as a separate OS process (as a user or a second instance would) and resolves
 * with the URL it prints once it is listening.
 */
export function spawnServer(env: Record<string, string>, command: string[] = ['npx', 'tsx', 'sync-server/main.ts']): Promise<SpawnedServer> {
  const [file, ...args] = command;
  const child = spawn(file ?? 'npx', args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[\d.:]+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], output: () => output, stop: () => stopProcess(child), exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    // The whole process group: npm → tsx → node.
    process.kill(-(child.pid ?? 0), 'SIGTERM');
  });
}
