import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { systemClock } from '../src/main/services/clock';
import { openCore } from '../src/main/services/core';

/** Runs inside a fresh process: open the core and answer the first query, in ms since process start. */
export async function coldCoreChild(dataDir: string): Promise<void> {
  const started = performance.now();
  const core = await openCore({ version: 'bench', dataDir, profile: 'training', host: 'cli', clock: systemClock });
  const reply = await core.invoke('app.info', {});
  const done = performance.now();
  core.dispose();
  if (!reply.ok) throw new Error(reply.error.code);
  console.log(JSON.stringify({ inProcess: done - started, sinceProcessStart: done }));
}

export function coldCoreSample(benchFile: string, dataDir: string): Promise<{ inProcess: number; sinceProcessStart: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [benchFile, '--child', 'cold-core', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { inProcess: number; sinceProcessStart: number }) : reject(new Error(`child ${code}`))));
  });
}

/** Spawn the browser host and time until its first authorised API answer. */
export async function hostFirstAnswerSample(hostFile: string, dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [hostFile, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const ready = await new Promise<{ url: string; port: number }>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.startsWith('MOTCUA_HOST_READY ')) resolve(JSON.parse(line.slice(18)) as { url: string; port: number });
      });
      child.once('exit', (code) => reject(new Error(`host exited ${code}`)));
    });
    const token = new URL(ready.url).hash.replace('#token=', '');
    const res = await fetch(`http://127.0.0.1:${ready.port}/api/health.check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-motcua-token': token },
      body: '{}',
    });
    if (res.status !== 200) throw new Error(`host answered ${res.status}`);
    await res.arrayBuffer();
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
  }
}
