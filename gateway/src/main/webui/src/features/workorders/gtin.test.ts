import { checkDigit, gtinProblem } from './gtin';

// GS1 General Specifications §7.9.1 check digit; vectors from GS1's own examples (GTIN-13 9506000134352 and
// GTIN-14 09506000134352 from the GS1 Digital Link standard, 4006381333931 and the GTIN-8 96385074 from GS1's
// check digit calculator page, GTIN-12 614141000036 from the GS1 General Specifications).
describe('GTIN check digit', () => {
  it.each([
    ['950600013435', 2], ['0950600013435', 2], ['400638133393', 1], ['9638507', 4], ['61414100003', 6],
  ])('the check digit of %s is %i', (body, digit) => {
    expect(checkDigit(body)).toBe(digit);
  });

  it('names what is wrong', () => {
    expect(gtinProblem('09506000134352')).toBeNull();
    expect(gtinProblem('96385074')).toBeNull();
    expect(gtinProblem('09506000134353')).toBe('checkDigit');
    expect(gtinProblem('0950600013435')).toBe('checkDigit');
    expect(gtinProblem('123456789')).toBe('length');
    expect(gtinProblem('0950600013435A')).toBe('digits');
  });
});
