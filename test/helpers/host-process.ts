import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface HostProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything the host wrote to stdout and stderr so far (its log). */
  output(): string;
  stop(): Promise<void>;
}

export interface HostOptions {
  /**
   * Which data the host opens (issue 12), written to `<dataDir>/desk.json` before it starts:
   * `training` (the default: the sandbox with the demo commune and the demo accounts, made on
   * first use), `production` (a folder a package was applied to), or `as-is` to write nothing (a
   * fresh folder is then a first start: the chooser).
   */
  readonly desk?: 'training' | 'production' | 'as-is';
}

/**
 * Starts the built browser host (`out/host/index.cjs`) as a real process and waits for its ready
 * line. A real commune PC has no demo accounts: the tests that sign in with them open the
 * training sandbox, which is what `desk: 'training'` (the default) asks for.
 */
export async function startHostProcess(dataDir: string, options: HostOptions = {}): Promise<HostProcess> {
  const desk = options.desk ?? 'training';
  if (desk !== 'as-is') {
    if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'desk.json'), `${JSON.stringify({ active: desk })}\n`);
  }
  const child = spawn(process.execPath, [resolve('out/host/index.cjs'), '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    output += chunk.toString();
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ready = await new Promise<{ url: string; port: number }>((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('MOTCUA_HOST_READY ')) resolvePromise(JSON.parse(line.slice('MOTCUA_HOST_READY '.length)) as { url: string; port: number });
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
  });
  return {
    ...ready,
    child,
    output: () => output,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
