import type { ApiResult } from '../../shared/api/result';

/** Human-readable reply: errors in Vietnamese then English; values as indented key: value lines. */
export function formatReply(reply: ApiResult<unknown>): string {
  if (!reply.ok) return `LỖI / ERROR ${reply.error.code}\n${reply.error.message.vi}\n${reply.error.message.en}`;
  return lines(reply.value, '').join('\n');
}

function lines(value: unknown, indent: string): string[] {
  if (value === null || typeof value !== 'object') return [`${indent}${String(value)}`];
  return Object.entries(value).flatMap(([key, v]) =>
    v !== null && typeof v === 'object' ? [`${indent}${key}:`, ...lines(v, indent + '  ')] : [`${indent}${key}: ${String(v)}`],
  );
}
