import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password.js';

describe('passwordProblem', () => {
  it('accepts a long password with letters and digits', () => {
    expect(passwordProblem({ password: 'Sawahlunto-2026' })).toBeNull();
  });
  it('refuses a password of 9 characters and accepts exactly 10', () => {
    expect(passwordProblem({ password: 'abcde1234' })).toMatch(/minimal 10/);
    expect(passwordProblem({ password: 'abcde12345' })).toBeNull();
  });
  it('refuses letters only and digits only', () => {
    expect(passwordProblem({ password: 'abcdefghijkl' })).toMatch(/huruf dan angka/);
    expect(passwordProblem({ password: '123456789012' })).toMatch(/huruf dan angka/);
  });
  it('refuses common passwords whatever their case', () => {
    expect(passwordProblem({ password: 'Password123' })).toMatch(/terlalu umum/);
  });
  it("refuses a password containing the email's name or the person's name", () => {
    expect(passwordProblem({ password: 'budisantoso99', email: 'budisantoso@example.id' })).toMatch(/email/);
    expect(passwordProblem({ password: 'sitiaminah2026', name: 'Siti Aminah' })).toMatch(/nama Anda/);
  });
  it('refuses more than 200 characters', () => {
    expect(passwordProblem({ password: `a1${'x'.repeat(199)}` })).toMatch(/maksimal 200/);
  });
});
