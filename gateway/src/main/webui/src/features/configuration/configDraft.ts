import type { ConfigDocument, LevelKey, SerialAlphabet, SerialMode } from '../../api/types';

export const LEVELS: LevelKey[] = ['l1', 'l2', 'l3', 'l4'];

/** The configuration as the form holds it: numbers as typed (text), so "5." and "" can be on the way to a value. */
export interface ConfigDraft {
  serial_sources: SourceDraft[];
  sscc_sources: SourceDraft[];
  builtin_serial_generator: boolean;
  manufacturing_percentage: string;
  discrepancy_tolerance: string;
  aggregation_rules: Record<LevelKey, { enabled: boolean; multiplier: string }>;
  gs1_company_prefixes: { prefix: string; sscc_extension_digit: string }[];
  serial_format: { length: string; alphabet: SerialAlphabet; mode: SerialMode; expected_volume_per_gtin: string };
  pool_exhaustion_warning_percent: string;
}

export interface SourceDraft {
  name: string;
  url: string;
  enabled: boolean;
}

const text = (value: number | null | undefined) => (value == null ? '' : String(value));

export function toDraft(config: ConfigDocument): ConfigDraft {
  return {
    serial_sources: config.serial_sources.map((s) => ({ ...s })),
    sscc_sources: config.sscc_sources.map((s) => ({ ...s })),
    builtin_serial_generator: config.builtin_serial_generator,
    manufacturing_percentage: text(config.manufacturing_percentage),
    discrepancy_tolerance: text(config.discrepancy_tolerance),
    aggregation_rules: Object.fromEntries(LEVELS.map((level) => [level, {
      enabled: config.aggregation_rules[level]?.enabled ?? false,
      multiplier: text(config.aggregation_rules[level]?.multiplier),
    }])) as ConfigDraft['aggregation_rules'],
    gs1_company_prefixes: config.gs1_company_prefixes.map((p) => ({ prefix: p.prefix, sscc_extension_digit: text(p.sscc_extension_digit) })),
    serial_format: {
      length: text(config.serial_format.length), alphabet: config.serial_format.alphabet, mode: config.serial_format.mode,
      expected_volume_per_gtin: text(config.serial_format.expected_volume_per_gtin),
    },
    pool_exhaustion_warning_percent: text(config.pool_exhaustion_warning_percent),
  };
}

// Text that is not a number is sent as it is: the server refuses it at its field, in its words.
const number = (value: string): number => (value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : (value as unknown as number));

export function toDocument(draft: ConfigDraft): ConfigDocument {
  return {
    serial_sources: draft.serial_sources.map((s) => ({ name: s.name.trim(), url: s.url.trim(), enabled: s.enabled })),
    sscc_sources: draft.sscc_sources.map((s) => ({ name: s.name.trim(), url: s.url.trim(), enabled: s.enabled })),
    builtin_serial_generator: draft.builtin_serial_generator,
    manufacturing_percentage: number(draft.manufacturing_percentage),
    discrepancy_tolerance: number(draft.discrepancy_tolerance),
    aggregation_rules: Object.fromEntries(LEVELS.map((level) => [level, {
      enabled: draft.aggregation_rules[level].enabled, multiplier: number(draft.aggregation_rules[level].multiplier),
    }])) as ConfigDocument['aggregation_rules'],
    gs1_company_prefixes: draft.gs1_company_prefixes.map((p) => ({ prefix: p.prefix.trim(), sscc_extension_digit: number(p.sscc_extension_digit) })),
    serial_format: {
      length: number(draft.serial_format.length), alphabet: draft.serial_format.alphabet, mode: draft.serial_format.mode,
      expected_volume_per_gtin: number(draft.serial_format.expected_volume_per_gtin),
    },
    pool_exhaustion_warning_percent: number(draft.pool_exhaustion_warning_percent),
  };
}

/** A field's value as the history and the import preview show it. */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return '–';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The fields (dotted paths, as the server names them) where two documents differ. */
export function differences(a: unknown, b: unknown, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key],
      path ? `${path}.${key}` : key));
  }
  return [path];
}

/**
 * The user's edits put on top of a version someone else saved meanwhile: every field the user changed from the version
 * the edit started on is the user's; every other field is theirs. Objects merge field by field; lists are one value.
 */
export function reapply<T>(base: T, mine: T, theirs: T): T {
  if (JSON.stringify(mine) === JSON.stringify(base)) return theirs;
  const isObject = (value: unknown): value is Record<string, unknown> =>
    !!value && typeof value === 'object' && !Array.isArray(value);
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const keys = new Set([...Object.keys(theirs), ...Object.keys(mine)]);
    return Object.fromEntries([...keys].map((key) => [key, reapply(base[key], mine[key], theirs[key])])) as T;
  }
  return mine;
}
