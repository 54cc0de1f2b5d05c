import { describe, expect, it } from 'vitest';
import { parsePhoneNumber } from './phone';

const codeOf = (text: string): string | undefined => {
  const result = parsePhoneNumber(text);
  return result.ok ? undefined : result.error.code;
};

describe('parsePhoneNumber', () => {
  it.each([
    '0912345678',
    '0912 345 678',
    '0912.345.678',
    '0912-345-678',
    '+84 912 345 678',
    '+84912345678',
    '(+84) 912-345-678',
    '84912345678',
    '0084 912 345 678',
    '+84 0912 345 678',
  ])('reads the mobile number %s', (typed) => {
    expect(parsePhoneNumber(typed)).toEqual({ ok: true, value: { number: '0912345678', kind: 'mobile' } });
  });

  it.each(['0321234567', '0561234567', '0701234567', '0861234567', '0981234567'])('accepts mobile prefix %s', (number) => {
    expect(parsePhoneNumber(number)).toEqual({ ok: true, value: { number, kind: 'mobile' } });
  });

  it.each([
    ['024 3825 1234', '02438251234'],
    ['(0225) 384 1234', '02253841234'],
    ['+84 24 3825 1234', '02438251234'],
    ['842438251234', '02438251234'],
  ])('reads the landline %s', (typed, number) => {
    expect(parsePhoneNumber(typed)).toEqual({ ok: true, value: { number, kind: 'landline' } });
  });

  it('reports an empty entry', () => {
    expect(codeOf('')).toBe('phone.empty');
    expect(codeOf(' - ')).toBe('phone.empty');
  });

  it('reports a foreign country code', () => {
    expect(codeOf('+1 202 555 0100')).toBe('phone.not-vietnamese');
    expect(codeOf('0033 1 23 45 67 89')).toBe('phone.not-vietnamese');
  });

  it('reports letters', () => {
    const result = parsePhoneNumber('0912 34S 678');
    expect(result).toMatchObject({ ok: false, error: { code: 'phone.not-digits' } });
    expect(result.ok ? '' : result.error.message.vi).toContain('"S"');
  });

  it('reports a number without its leading zero', () => {
    expect(codeOf('912345678')).toBe('phone.missing-zero');
  });

  it('recognises an old 11-digit mobile number and suggests the 2018 conversion', () => {
    const result = parsePhoneNumber('0168 123 4567', { field: 'phone' });
    expect(result).toMatchObject({ ok: false, error: { code: 'phone.legacy-mobile', field: 'phone' } });
    expect(result.ok ? '' : result.error.message.vi).toContain('0381234567');
    const unknown = parsePhoneNumber('01301234567');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'phone.legacy-mobile' } });
    expect(unknown.ok ? '' : unknown.error.message.vi).not.toContain('số mới có thể là');
  });

  it('reports a prefix that is neither mobile nor landline', () => {
    expect(codeOf('0412345678')).toBe('phone.unknown-prefix');
    expect(codeOf('0612345678')).toBe('phone.unknown-prefix');
    expect(codeOf('0112345678')).toBe('phone.unknown-prefix');
    expect(codeOf('0')).toBe('phone.unknown-prefix');
  });

  it('reports a wrong length for mobiles and landlines, with the count typed', () => {
    const short = parsePhoneNumber('091234567');
    expect(short).toMatchObject({ ok: false, error: { code: 'phone.wrong-length' } });
    expect(short.ok ? '' : short.error.message.vi).toBe('Số di động phải có 10 chữ số; bạn đã nhập 9 chữ số.');
    expect(codeOf('09123456789')).toBe('phone.wrong-length');
    expect(codeOf('0243825123')).toBe('phone.wrong-length');
  });
});
