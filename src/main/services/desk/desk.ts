/**
 * The desk: what a long-running host opens instead of a single core (issue 12). It owns the root
 * data folder and the one core open on it: none on a first start, the commune's (production)
 * once a provisioning package is applied, or the training sandbox. It applies packages (from the
 * screen, `--provision`, or a file dropped in a known place), switches between the two folders
 * on request (everyone is signed out), and resets the sandbox. Hosts hand it every call.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { contract, isApiName } from '../../../shared/api/contract';
import type { DeskStatus } from '../../../shared/api/desk';
import { AppError, describeError } from '../../../shared/api/errors';
import type { ApiResult } from '../../../shared/api/result';
import type { ProvisionPayload } from '../../../shared/provisioning/package';
import type { Core } from '../core';
import { openCore } from '../core';
import type { CoreContext } from '../core-context';
import { applyProvision, type AppliedProvision } from './apply-provision';
import type { DeskControl } from './desk-control';
import { folderOf, hasDatabase, readActiveProfile, writeActiveProfile, type Profile } from './folders';
import { migrateLegacyFolder } from './legacy-folder';
import { readProvisionPackage } from './package-file';

/** What the hub says of a package before it is applied; undefined when it does not answer. */
export type PackageStatusCheck = (hubUrl: string, packageId: string) => Promise<'unused' | 'used' | 'expired' | 'withdrawn' | 'unknown' | undefined>;

export interface DeskOptions extends Omit<CoreContext, 'dataDir' | 'profile' | 'desk'> {
  /** The root data folder. */
  readonly root: string;
  /** Where packages are looked for (`knownPackagePaths`). */
  readonly packagePaths: readonly string[];
  readonly checkPackage?: PackageStatusCheck;
}

/** Public calls a PC with no data yet still answers; everything else is `desk.not-set-up`. */
const unsetCalls = new Set(['desk.status', 'desk.provision', 'desk.switch', 'session.current']);

/**
 * Checks a package and, unless the hub says it is spent, applies it to `root`. Shared by the
 * desk and `motcua provision`. Nothing is written when it is refused.
 */
export async function provisionFolder(root: string, text: string, now: Date, checkPackage?: PackageStatusCheck): Promise<AppliedProvision> {
  const payload: ProvisionPayload = readProvisionPackage(text, now);
  if (hasDatabase(root, 'production')) throw new AppError('desk.already-provisioned', { commune: payload.commune.name });
  const state = await checkPackage?.(payload.hub.url.replace(/\/+$/u, ''), payload.id);
  if (state === 'used' || state === 'withdrawn') throw new AppError('provision.used');
  if (state === 'expired') throw new AppError('provision.expired', { at: payload.expiresAt });
  const applied = await applyProvision(root, payload, now);
  writeActiveProfile(root, 'production');
  return applied;
}

export class Desk implements DeskControl {
  #core: Core | undefined;
  #profile: Profile | undefined;
  #backupsEvery: number | undefined;
  #stopBackups: (() => Promise<void>) | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  /** Files already refused (path, size, time): a poll does not read and log them again. */
  readonly #refused = new Set<string>();

  private constructor(private readonly options: DeskOptions) {}

  static async open(options: DeskOptions): Promise<Desk> {
    const desk = new Desk(options);
    await migrateLegacyFolder(options.root, options.clock.now());
    if (!hasDatabase(options.root, 'production')) await desk.#applyFoundPackage();
    const active = readActiveProfile(options.root) ?? (hasDatabase(options.root, 'production') ? 'production' : undefined);
    if (active === 'training' || (active === 'production' && hasDatabase(options.root, 'production'))) await desk.#open(active);
    return desk;
  }

  get profile(): Profile | undefined {
    return this.#profile;
  }

  /** The open core (undefined on a first start). */
  get core(): Core | undefined {
    return this.#core;
  }

  async invoke(name: unknown, input: unknown, token?: string): Promise<ApiResult<unknown>> {
    // A switch or a provisioning in progress finishes first: no call lands on a closing core.
    await this.#queue.catch(() => undefined);
    const core = this.#core;
    if (core !== undefined) return core.invoke(name, input, token);
    if (!isApiName(name)) return { ok: false, error: describeError('api.unknown-call', { name: String(name).slice(0, 80) }) };
    if (!unsetCalls.has(name)) return { ok: false, error: describeError('desk.not-set-up') };
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: describeError('api.invalid-input', { detail: parsed.error.issues.map((i) => i.code).join(', ') }) };
    try {
      if (name === 'session.current') return { ok: true, value: { user: null, locked: false, mustChangePassword: false } };
      if (name === 'desk.provision') return { ok: true, value: await this.provision(parsed.data as { fileText?: string; fromKnownPaths?: boolean }) };
      if (name === 'desk.switch') return { ok: true, value: await this.switchTo((parsed.data as { to: Profile }).to) };
      return { ok: true, value: await this.status() };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toApiError() };
      console.error(`[desk] ${name} failed:`, error instanceof Error ? error.name : typeof error);
      return { ok: false, error: describeError('internal') };
    }
  }

  async status(): Promise<DeskStatus> {
    // A first start picks up a file copied into a known place while its screen is open.
    if (this.#profile === undefined && !hasDatabase(this.options.root, 'production')) {
      await this.#serial(async () => {
        if (this.#profile === undefined && (await this.#applyFoundPackage())) await this.#open('production');
      });
    }
    return this.#describe();
  }

  #describe(): DeskStatus {
    const root = this.options.root;
    return {
      mode: this.#profile ?? 'unset',
      productionReady: hasDatabase(root, 'production'),
      trainingReady: hasDatabase(root, 'training'),
      provision: this.#core?.provision() ?? null,
      packagePaths: [...this.options.packagePaths],
    };
  }

  provision(input: { readonly fileText?: string | undefined; readonly fromKnownPaths?: boolean | undefined }): Promise<DeskStatus> {
    return this.#serial(async () => {
      if (hasDatabase(this.options.root, 'production')) throw new AppError('desk.already-provisioned', { commune: this.#communeName() });
      if (input.fileText !== undefined) await provisionFolder(this.options.root, input.fileText, this.options.clock.now(), this.options.checkPackage);
      else if (!(await this.#applyFoundPackage(true))) throw new AppError('provision.not-found', { paths: this.options.packagePaths.join('; ') });
      await this.#open('production');
      return this.#describe();
    });
  }

  switchTo(to: Profile): Promise<DeskStatus> {
    return this.#serial(async () => {
      if (to === 'production' && !hasDatabase(this.options.root, 'production')) throw new AppError('desk.not-provisioned');
      if (to !== this.#profile) await this.#open(to);
      return this.#describe();
    });
  }

  resetTraining(): Promise<DeskStatus> {
    return this.#serial(async () => {
      if (this.#profile !== 'training') throw new AppError('desk.training-only');
      await this.#close();
      rmSync(folderOf(this.options.root, 'training'), { recursive: true, force: true });
      await this.#open('training');
      return this.#describe();
    });
  }

  /** Long-running hosts back up whichever folder is open; a switch moves the schedule along. */
  scheduleBackups(intervalMs: number): () => Promise<void> {
    this.#backupsEvery = intervalMs;
    if (this.#core !== undefined && this.#stopBackups === undefined) this.#stopBackups = this.#core.scheduleBackups(intervalMs);
    return async () => {
      this.#backupsEvery = undefined;
      const stop = this.#stopBackups;
      this.#stopBackups = undefined;
      await stop?.();
    };
  }

  dispose(): void {
    void this.#stopBackups?.();
    this.#core?.dispose();
    this.#core = undefined;
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.catch(() => undefined).then(work);
    this.#queue = run;
    return run;
  }

  async #open(profile: Profile): Promise<void> {
    await this.#close();
    const { root, packagePaths: _paths, checkPackage: _check, ...context } = this.options;
    this.#core = await openCore({ ...context, dataDir: folderOf(root, profile), profile, desk: this });
    this.#profile = profile;
    writeActiveProfile(root, profile);
    if (this.#backupsEvery !== undefined) this.#stopBackups = this.#core.scheduleBackups(this.#backupsEvery);
  }

  async #close(): Promise<void> {
    const stop = this.#stopBackups;
    this.#stopBackups = undefined;
    await stop?.();
    this.#core?.dispose();
    this.#core = undefined;
    this.#profile = undefined;
  }

  #communeName(): string {
    return this.#core?.provision()?.commune.name ?? '';
  }

  /**
   * Applies the first package found in the known places. At start-up a refused one is reported
   * on stderr by its code only (the file holds secrets) and the first-run screen stays; from the
   * screen (`strict`) the refusal goes back to the person.
   */
  async #applyFoundPackage(strict = false): Promise<boolean> {
    for (const path of this.options.packagePaths) {
      let text: string;
      let seen: string;
      try {
        const info = statSync(path);
        seen = `${path}|${info.size}|${info.mtimeMs}`;
        if (!strict && this.#refused.has(seen)) continue;
        text = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      try {
        await provisionFolder(this.options.root, text, this.options.clock.now(), this.options.checkPackage);
        // The file carries the enrolment and setup codes: it should not outlive its use. A copy in
        // %ProgramData% may be read-only to this Windows account; the code in it is spent anyway.
        try {
          rmSync(path, { force: true });
        } catch {
          console.error('[desk] provisioning package applied; remove the file by hand (no permission)');
        }
        return true;
      } catch (error) {
        if (strict) throw error;
        this.#refused.add(seen);
        console.error(`[desk] provisioning package not applied: ${error instanceof AppError ? error.code : 'internal'}`);
      }
    }
    return false;
  }
}
