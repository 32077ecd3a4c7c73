import { describe, it, expect } from 'vitest';
import { splitErrors } from './errors';

describe('splitErrors', () => {
  it('puts field errors next to known fields and keeps the rest general', () => {
    const r = splitErrors(
      [
        { code: 'REQUIRED', field: 'email', message: 'Email is required.' },
        { code: 'TOO_SHORT', field: 'password', message: 'Too short.' },
        { code: 'X', field: 'unknownField', message: 'Odd.' },
        { code: 'Y', field: null, message: 'Try later.' },
        { code: 'Z', field: 'input.email', message: 'Second email error.' },
      ],
      ['email', 'password'],
    );
    expect(r.byField).toEqual({ email: 'Email is required.', password: 'Too short.' });
    expect(r.general).toEqual(['Odd.', 'Try later.']);
  });
});
