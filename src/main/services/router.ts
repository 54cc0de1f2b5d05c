import type { SessionUser } from '../../shared/api/accounts';
import { contract, isApiName, type Access, type ApiName, type ApiOutput, type ApiParsedInput } from '../../shared/api/contract';
import { AppError, describeError } from '../../shared/api/errors';
import type { ApiResult } from '../../shared/api/result';
import type { SessionCheck, SessionRegistry } from './accounts/sessions';

/** Who is calling, as the router established it from the session token. */
export interface CallContext {
  /** The signed-in account; present for every call whose access is not `public`. */
  readonly user: SessionUser | undefined;
  readonly token: string | undefined;
}

/** One function per contract entry; the compiler checks that none is missing. */
export type Handlers = {
  [N in ApiName]: (input: ApiParsedInput<N>, ctx: CallContext) => ApiOutput<N> | Promise<ApiOutput<N>>;
};

/**
 * The one gate every transport goes through: unknown names, missing or locked sessions, roles
 * without the right and bad input become typed errors before any service runs; unexpected
 * exceptions become `internal` with no stack or personal data in the reply.
 */
export async function invokeHandler(
  handlers: Handlers,
  sessions: SessionRegistry,
  name: unknown,
  input: unknown,
  token: string | undefined,
): Promise<ApiResult<unknown>> {
  if (!isApiName(name)) return { ok: false, error: describeError('api.unknown-call', { name: String(name).slice(0, 80) }) };
  const entry = contract[name];
  const session = sessions.check(token);
  const denied = checkAccess(entry.access, session, name);
  if (denied) return { ok: false, error: denied.toApiError() };
  const parsed = entry.input.safeParse(input ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.code}`).join(', ');
    return { ok: false, error: describeError('api.invalid-input', { detail }) };
  }
  const ctx: CallContext = { user: session.kind === 'none' || session.kind === 'ended' ? undefined : session.user, token };
  try {
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    return { ok: true, value: await handler(parsed.data, ctx) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toApiError() };
    console.error(`[core] ${name} failed:`, error instanceof Error ? error.name : typeof error);
    return { ok: false, error: describeError('internal') };
  }
}

function checkAccess(access: Access, session: SessionCheck, name: string): AppError | undefined {
  if (access === 'public') return undefined;
  if (session.kind === 'none') return new AppError('auth.required');
  if (session.kind === 'ended') return new AppError('auth.session-ended');
  if (access === 'session') return undefined;
  if (session.kind === 'locked') return new AppError('auth.idle-locked');
  // A setup code or a reset password opens only the form that replaces it.
  if (session.mustChangePassword) return new AppError('auth.must-change-password');
  if (access === 'signed-in' || access.includes(session.user.role)) return undefined;
  return new AppError('auth.forbidden', { role: session.user.role, action: name });
}
