import { differences, reapply } from './configDraft';

describe('re-applying an edit on top of a newer version', () => {
  const base = { manufacturing_percentage: 100, pool_exhaustion_warning_percent: 80,
    aggregation_rules: { l2: { enabled: true, multiplier: 10 }, l3: { enabled: true, multiplier: 100 } }, serial_sources: [] as string[] };

  it("keeps the other user's fields and the user's own changes", () => {
    const mine = { ...base, manufacturing_percentage: 99, aggregation_rules: { ...base.aggregation_rules, l2: { enabled: true, multiplier: 20 } } };
    const theirs = { ...base, pool_exhaustion_warning_percent: 70, aggregation_rules: { ...base.aggregation_rules, l3: { enabled: false, multiplier: 100 } } };
    expect(reapply(base, mine, theirs)).toEqual({
      manufacturing_percentage: 99, pool_exhaustion_warning_percent: 70, serial_sources: [],
      aggregation_rules: { l2: { enabled: true, multiplier: 20 }, l3: { enabled: false, multiplier: 100 } } });
  });

  it('takes a list the user changed as a whole', () => {
    const mine = { ...base, serial_sources: ['a'] };
    const theirs = { ...base, serial_sources: ['b', 'c'] };
    expect(reapply(base, mine, theirs).serial_sources).toEqual(['a']);
  });

  it('names the changed fields by the paths the server uses', () => {
    expect(differences(base, { ...base, aggregation_rules: { ...base.aggregation_rules, l3: { enabled: true, multiplier: 50 } } }))
      .toEqual(['aggregation_rules.l3.multiplier']);
  });
});
