import { backoffSeconds } from '../../src/auth/rate-limits';

describe('backoffSeconds: the wait before each attempt beyond the free ones', () => {
  it('doubles from one second and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 10].map((k) => backoffSeconds(k, 900))).toEqual([1, 2, 4, 8, 16, 512]);
    expect(backoffSeconds(11, 900)).toBe(900);
    expect(backoffSeconds(10_000, 900)).toBe(900);
  });
});
