// The shapes the gateway's API answers with (see the services' OpenAPI documents); snake_case as on the wire.

export type GenerationStatus = 'pending' | 'in_progress' | 'completed' | 'failed';
export type WorkOrderSource = 'erp' | 'manual';

export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** The spec's error body. `current` comes with a 409 on a stale configuration version. */
export interface ErrorBody {
  error: string;
  message: string;
  details?: Record<string, string[]> | null;
  code?: string | null;
  request_id?: string | null;
  current?: unknown;
}

export interface Token {
  access_token: string;
  token_type: string;
  expires_in: number;
  /** exchanged for a new pair before the access token ends, until the session does */
  refresh_token: string;
  refresh_expires_in: number;
  roles: string[];
}

export interface Source {
  name: string;
  url: string;
  enabled: boolean;
}

export interface AggregationRule {
  enabled: boolean;
  multiplier: number;
}

export type LevelKey = 'l1' | 'l2' | 'l3' | 'l4';

export interface CompanyPrefix {
  prefix: string;
  sscc_extension_digit: number;
}

export type SerialAlphabet = 'numeric' | 'alphanumeric_upper' | 'alphanumeric_safe' | 'cs82';
export type SerialMode = 'randomised' | 'sequential';

export interface SerialFormat {
  length: number;
  alphabet: SerialAlphabet;
  mode: SerialMode;
  expected_volume_per_gtin: number;
}

/** The configuration document: what a user edits. */
export interface ConfigDocument {
  serial_sources: Source[];
  sscc_sources: Source[];
  builtin_serial_generator: boolean;
  manufacturing_percentage: number;
  discrepancy_tolerance: number;
  aggregation_rules: Record<LevelKey, AggregationRule>;
  gs1_company_prefixes: CompanyPrefix[];
  serial_format: SerialFormat;
  pool_exhaustion_warning_percent: number;
}

export interface Configuration extends ConfigDocument {
  id: number;
  version: number;
  is_active: boolean;
  change_action: string;
  restored_from: number | null;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  updated_by: string | null;
}

export interface ConfigChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ConfigHistoryEntry {
  version: number;
  action: string;
  action_type: string;
  previous_version: number | null;
  restored_from: number | null;
  user: string | null;
  created_at: string;
  changes: ConfigChange[];
}

export interface ConfigExport {
  format: string;
  format_version: number;
  exported_at: string;
  exported_by: string | null;
  source_version: number;
  config: ConfigDocument;
}

export interface ConfigImportResult {
  dry_run: boolean;
  version: number | null;
  based_on_version: number;
  changes: ConfigChange[];
}

/** What a task issues: the item's serials, SSCCs, or serials of the bundles' own GTINs. */
export type NumberKind = 'serial' | 'sscc' | 'bundle';

export interface Holding {
  task_id: string;
  kind: NumberKind;
  source: string;
  quantity: number;
  status: string;
  counter_from: number | null;
  counter_to: number | null;
  created_at: string;
  /** The serials' GTIN (a bundle's own for bundle serials); null for SSCCs. */
  gtin: string | null;
}

export interface WorkOrder {
  id: number;
  wo_id: string;
  wo_name: string;
  wo_source: WorkOrderSource;
  gtin: string;
  lot: string;
  expiry: string;
  quantity: number;
  total_requested_serials: number;
  total_requested_sscc: number;
  total_requested_bundle_serials: number;
  generated_serials: number;
  generated_sscc: number;
  generated_bundle_serials: number;
  /** Of the generated, how many were returned unused (decommissioned). */
  decommissioned_serials: number;
  decommissioned_sscc: number;
  decommissioned_bundle_serials: number;
  sscc_generation_status: GenerationStatus;
  serial_generation_status: GenerationStatus;
  bundle_serial_generation_status: GenerationStatus;
  last_sscc_generation_at: string | null;
  last_serial_generation_at: string | null;
  last_bundle_serial_generation_at: string | null;
  config_version: number | null;
  serials_fixed: boolean;
  error_message: string | null;
  erp_conflict: string | null;
  erp_confirmed_at: string | null;
  created_at: string;
  updated_at: string;
  allocations?: Holding[];
}

export interface ManualWorkOrder {
  wo_id: string;
  wo_name: string;
  gtin: string;
  lot: string;
  expiry: string;
  quantity: number;
  serial_quantity?: number | null;
}

export interface GenerateRequest {
  quantity?: number;
  /** Bundle serials only: the bundle GTIN a quantity is for. */
  gtin?: string;
  override_config?: boolean;
  force_regenerate?: boolean;
}

export interface TaskAccepted {
  task_id: string;
  status: string;
  message: string;
  estimated_completion: string | null;
}

export interface GenerationTask {
  task_id: string;
  workorder_id: number;
  kind: NumberKind;
  status: string;
  requested: number;
  generated: number;
  progress_percent: number;
  force_regenerate: boolean;
  error_message: string | null;
  source: string | null;
  created_by: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface HistoryEntry {
  id: number;
  action_type: string;
  action_status: string;
  requested_quantity: number | null;
  generated_quantity: number | null;
  error_details: string | null;
  execution_time_ms: number | null;
  task_id: string | null;
  user: string | null;
  created_at: string;
}

export interface Pool {
  id: number;
  kind: 'serial' | 'sscc';
  gtin: string | null;
  company_prefix: string | null;
  extension_digit: number | null;
  alphabet: string | null;
  serial_length: number;
  mode: string | null;
  capacity: number;
  issued: number;
  remaining: number;
  usage_percent: number;
  exhaustion_warning: boolean;
  created_at: string;
}

export interface UniquenessReport {
  checked_at: string;
  pools_checked: number;
  allocations_checked: number;
  counters_checked: number;
  overlapping_allocations: number;
  [more: string]: unknown;
}

export interface ErpStatus {
  last_sync: string | null;
  status: string;
  synced_records: number;
  failed_records: number;
  next_scheduled_sync: string | null;
  pull_configured: boolean;
  sync_interval_seconds: number | null;
  high_water_mark: string | null;
  running_sync_id: string | null;
  last_run: {
    id: string;
    trigger: string;
    status: string;
    finished_at: string | null;
    failure_class: string | null;
    failure_message: string | null;
  } | null;
  erp_health: { status: string; checked_at: string | null; error: string | null } | null;
}

export interface SyncAccepted {
  sync_id: string;
  status: string;
  message: string;
}

export interface SyncCounts {
  pages: number;
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  skipped_by_override: number;
  conflicts: number;
}

export interface SyncRun {
  id: string;
  trigger: string;
  triggered_by: string | null;
  mode: string;
  work_order_ids: string[] | null;
  force_update: boolean;
  status: string;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  counts: SyncCounts;
  failure_class: string | null;
  failure_message: string | null;
}

export interface FailedRecord {
  id: number;
  wo_id: string | null;
  reasons: Record<string, string[]>;
  raw_record: string;
  received_at: string;
  source: string;
  sync_id: string | null;
  status: 'open' | 'resolved' | 'dismissed';
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

export interface RecipeLevel {
  level: number;
  name: string;
  children_per_parent: number | null;
  identified_by: string;
  gtin?: string | null;
}

export interface Recipe {
  id: number;
  gtin: string;
  variant: string;
  version: number;
  effective_from: string;
  levels: RecipeLevel[];
  deleted: boolean;
  changed_by: string | null;
  changed_at: string;
}

export interface RecipeRequest {
  gtin: string;
  variant: string;
  effective_from: string;
  levels: RecipeLevel[];
}

export interface BreakdownLevel {
  level: LevelKey;
  name: string;
  units_per_container: number;
  children_per_container: number;
  containers: number;
  last_container_units: number;
  last_container_children: number;
  identified_by: 'sgtin' | 'sscc';
  gtin: string | null;
}

export interface Breakdown {
  wo_id: string | null;
  gtin: string | null;
  quantity: number;
  revision: number | null;
  rules_source: string;
  levels: BreakdownLevel[];
  sscc_count: number;
  bundle_serial_count: number;
  computed_at: string | null;
}

/** A generation event as the live view sends it. */
export interface LiveEvent {
  event_id: string;
  event_type: string;
  occurred_at: string;
  schema_version: number;
  payload: Record<string, unknown>;
}

export interface ErpOverride {
  wo_name: string | null;
  quantity: number | null;
  serial_quantity: number | null;
  reason: string;
  by: string;
  at: string;
}

/** An ERP work order as erp-sync-service holds it: what the ERP said, what was forwarded, an override. */
export interface ErpWorkOrder {
  wo_id: string;
  forwarded: { wo_name: string; gtin: string; lot: string; expiry: string; quantity: number; serial_quantity: number | null };
  erp: Record<string, unknown>;
  erp_changed_at: string | null;
  revision: number;
  override: ErpOverride | null;
  last_synced_at: string | null;
  erp_confirmed_at: string | null;
  pending_confirmations: number | null;
}

export interface ErpAction {
  id: number;
  action: string;
  wo_id: string | null;
  target: string | null;
  actor: string;
  reason: string | null;
  details: Record<string, unknown> | null;
  at: string;
}

/** One level of a work order's breakdown and how much of it the packaging line recorded as packed. */
export interface PackingLevel {
  level: string;
  name: string;
  identified_by: 'sgtin' | 'sscc';
  gtin: string | null;
  /** Containers of the level the breakdown plans. */
  containers: number;
  children_per_container: number;
  packed_containers: number;
  packed_children: number;
}

export interface PackingTree {
  wo_id: string;
  levels: PackingLevel[];
}

/** The services that keep an audit trail; the gateway reads them as one. */
export type AuditService = 'config-service' | 'generation-service' | 'erp-sync-service' | 'aggregation-service';
export type AuditOutcome = 'success' | 'refused' | 'failed';

/** One entry of the suite's audit trail (NFR-004); `cursor` is where older entries go on from it. */
export interface AuditEntry {
  entry_id: string;
  at: string;
  service: AuditService;
  sequence: number;
  actor: string;
  roles: string[];
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: AuditOutcome;
  change: unknown;
  request_id: string | null;
  cursor: string;
}
