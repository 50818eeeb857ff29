// GS1 GTIN check digit (GS1 General Specifications §7.9): from the right, weights 3, 1, 3, … over the digits before
// the check digit; the check digit brings the sum to a multiple of ten. The server checks the same rule.

export function checkDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export type GtinProblem = 'digits' | 'length' | 'checkDigit';

/** What is wrong with a GTIN-8, -12, -13 or -14, or null when it is valid. */
export function gtinProblem(gtin: string): GtinProblem | null {
  if (!/^[0-9]+$/.test(gtin)) return 'digits';
  if (![8, 12, 13, 14].includes(gtin.length)) return 'length';
  return checkDigit(gtin.slice(0, -1)) === Number(gtin[gtin.length - 1]) ? null : 'checkDigit';
}
