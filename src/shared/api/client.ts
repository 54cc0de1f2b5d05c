import type { ApiInput, ApiName, ApiOutput } from './contract';
import { contract } from './contract';
import { describeError } from './errors';
import type { ApiResult } from './result';

/** Carries one call to the core and brings back its reply; IPC and HTTP each provide one. */
export type Transport = (name: ApiName, input: unknown) => Promise<ApiResult<unknown>>;

export interface ApiClient {
  call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiResult<ApiOutput<N>>>;
}

/**
 * A typed client over any transport. Replies are checked against the contract too: a renderer
 * talking to an older or newer core gets a typed error instead of undefined fields.
 */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(name, input) {
      let reply: ApiResult<unknown>;
      try {
        reply = await transport(name, input);
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
