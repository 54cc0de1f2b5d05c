import { describe, expect, it } from 'vitest';
import { conflictValueText } from './sync-values';

describe('conflictValueText', () => {
  it('shows absent values as the given dash, text and numbers as they are, objects as JSON', () => {
    expect(conflictValueText(null, '—')).toBe('—');
    expect(conflictValueText(undefined, '—')).toBe('—');
    expect(conflictValueText('', '—')).toBe('—');
    expect(conflictValueText('0911111111', '—')).toBe('0911111111');
    expect(conflictValueText(12, '—')).toBe('12');
    expect(conflictValueText({ hoTen: 'Nguyễn Văn A' }, '—')).toBe('{"hoTen":"Nguyễn Văn A"}');
  });
});
