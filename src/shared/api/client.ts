import type { ApiInput, ApiName, ApiOutput } from './contract';
import { contract } from './contract';
import { describeError } from './errors';
import type { ApiResult } from './result';

/** Carries one call (and the session token, if any) to the core; IPC and HTTP each provide one. */
export type Transport = (name: ApiName, input: unknown, session: string | undefined) => Promise<ApiResult<unknown>>;

export interface ApiClient {
  call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiResult<ApiOutput<N>>>;
  /** The token from `session.login`, sent with every later call; undefined after logout. */
  setSession(token: string | undefined): void;
}

/**
 * A typed client over any transport. Replies are checked against the contract too: a renderer
 * talking to an older or newer core gets a typed error instead of undefined fields.
 */
export function createApiClient(transport: Transport): ApiClient {
  let session: string | undefined;
  return {
    setSession(token) {
      session = token;
    },
    async call(name, input) {
      let reply: ApiResult<unknown>;
      try {
        reply = await transport(name, input, session);
      } catch {
        return { ok: false, error: describeError('api.unreachable') };
      }
      if (!reply.ok) return reply;
      const parsed = contract[name].output.safeParse(reply.value);
      if (!parsed.success) {
        return { ok: false, error: describeError('api.invalid-reply', { name }) };
      }
      return { ok: true, value: parsed.data as ApiOutput<typeof name> };
    },
  };
}
