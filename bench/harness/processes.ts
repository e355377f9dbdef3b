import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export type NodeProcess = {
  pid: number;
  /** The first capture group of the ready pattern (e.g. the URL it listens on). */
  ready: string;
  output: () => string;
  /** Resident set size in KB, from /proc (Linux). */
  rssKb: () => number;
  stop: () => Promise<void>;
  /** Resolves when the process exits by itself. */
  exited: Promise<number | null>;
  /** Writes a line to the process's stdin (when started with `stdin: true`). */
  send: (line: string) => void;
};

/**
 * Runs a TypeScript entry point as its own Node process (`node --import tsx`, no npm or npx in
 * between, so the pid is the process that does the work and its RSS is what we measure).
 */
export function startNodeProcess(options: {
  script: string;
  env: Record<string, string>;
  ready: RegExp;
  nodeArgs?: string[];
  args?: string[];
  onLine?: (line: string) => void;
  timeoutMs?: number;
  stdin?: boolean;
}): Promise<NodeProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', path.join(ROOT, options.script), ...(options.args ?? [])], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let pending = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.script} did not become ready in ${options.timeoutMs ?? 120_000} ms:\n${output.slice(-2000)}`));
    }, options.timeoutMs ?? 120_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (output.length < 200_000) output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine?.(line);
      const match = options.ready.exec(output);
      if (match && child.pid) {
        clearTimeout(timer);
        resolve({ pid: child.pid, ready: match[1] ?? match[0], output: () => output, rssKb: () => readRssKb(child.pid ?? 0), stop: () => stopChild(child), exited, send: (line) => child.stdin?.write(`${line}\n`) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.script} exited with ${code} before it was ready:\n${output.slice(-2000)}`));
    });
  });
}

export function readRssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  return match ? Number(match[1]) : Number.NaN;
}

/** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
