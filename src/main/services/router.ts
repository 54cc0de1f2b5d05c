import { contract, isApiName, type ApiName, type ApiOutput, type ApiParsedInput } from '../../shared/api/contract';
import { AppError, describeError } from '../../shared/api/errors';
import type { ApiResult } from '../../shared/api/result';

/** One function per contract entry; the compiler checks that none is missing. */
export type Handlers = {
  [N in ApiName]: (input: ApiParsedInput<N>) => ApiOutput<N> | Promise<ApiOutput<N>>;
};

/**
 * The one gate every transport goes through: unknown names and bad input become typed errors;
 * unexpected exceptions become `internal` with no stack or personal data in the reply.
 */
export async function invokeHandler(handlers: Handlers, name: unknown, input: unknown): Promise<ApiResult<unknown>> {
  if (!isApiName(name)) return { ok: false, error: describeError('api.unknown-call', { name: String(name).slice(0, 80) }) };
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.code}`).join(', ');
    return { ok: false, error: describeError('api.invalid-input', { detail }) };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toApiError() };
    console.error(`[core] ${name} failed:`, error instanceof Error ? error.name : typeof error);
    return { ok: false, error: describeError('internal') };
  }
}
