import { describe, it, expect } from 'vitest';
import { trimAmount, addDecimals, formatMoney, formatTotals, totalsByCurrency, validAmount } from './money';

describe('money', () => {
  it('adds decimal strings exactly (no float error) and keeps the widest scale', () => {
    expect(addDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(addDecimals(['1000000000000000.01', '0.02'])).toBe('1000000000000000.03');
    expect(addDecimals(['10', '2.5', '-0.75'])).toBe('11.75');
    expect(addDecimals(['-5.00', '2'])).toBe('-3.00');
    expect(addDecimals([])).toBe('0');
    expect(() => addDecimals(['1e3'])).toThrow(/not a decimal/);
  });

  it('never mixes currencies in totals', () => {
    const t = totalsByCurrency([
      { currency: 'EUR', amount: '10.10' }, { currency: 'DKK', amount: '100' },
      { currency: 'EUR', amount: '0.20' }, { currency: 'DKK', amount: '0.50' },
    ]);
    expect(t).toEqual([{ currency: 'DKK', amount: '100.50' }, { currency: 'EUR', amount: '10.30' }]);
  });

  it('formats with the currency code and leaves zero totals out', () => {
    expect(formatMoney({ currency: 'EUR', amount: '1234.5' }, 'en-US')).toBe('EUR\u00a01,234.50');
    expect(formatMoney({ currency: 'XXQ', amount: '1' }, 'en-US')).toMatch(/XXQ/);
    expect(formatTotals([{ currency: 'DKK', amount: '0.00' }, { currency: 'EUR', amount: '5' }], '—', 'en-US')).toBe('EUR\u00a05.00');
    expect(formatTotals([], 'none')).toBe('none');
  });

  it('accepts positive amounts with at most two decimals', () => {
    expect(validAmount('12.50')).toBe(true);
    expect(validAmount(' 3 ')).toBe(true);
    expect(validAmount('0')).toBe(false);
    expect(validAmount('1.234')).toBe(false);
    expect(validAmount('-1')).toBe(false);
    expect(validAmount('1,5')).toBe(false);
  });

  it('trims zero decimals beyond the currency\'s minor unit only', () => {
    expect(trimAmount('100.000', 'EUR')).toBe('100.00');
    expect(trimAmount('100.000', 'JPY')).toBe('100');
    expect(trimAmount('1.125', 'KWD')).toBe('1.125');
    expect(trimAmount('1.005', 'EUR')).toBe('1.005');
  });
});
