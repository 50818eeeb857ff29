// Every call the UI makes, typed; the paths are the gateway's public API.
import { download, idempotencyKey, request } from './client';
import type {
  AuditEntry, AuditOutcome, AuditService, Breakdown, ConfigDocument, ErpAction, ErpWorkOrder, ConfigExport, ConfigHistoryEntry, ConfigImportResult, Configuration, ErpStatus,
  FailedRecord, GenerateRequest, GenerationStatus, GenerationTask, HistoryEntry, ManualWorkOrder, PackingTree, Page, Pool,
  Recipe, RecipeRequest, SyncAccepted, SyncRun, TaskAccepted, Token, UniquenessReport, WorkOrder, WorkOrderSource,
} from './types';

export const auth = {
  token: (username: string, password: string) =>
    request<Token>('/api/v1/auth/token', { method: 'POST', body: { username, password } }),
  refresh: (refreshToken: string) =>
    request<Token>('/api/v1/auth/refresh', { method: 'POST', body: { refresh_token: refreshToken } }),
};

const ifMatch = (version: number) => ({ 'If-Match': `"v${version}"` });

export const config = {
  active: () => request<Configuration>('config/'),
  save: (document: ConfigDocument, basedOn: number) =>
    request<Configuration>('config/', { method: 'PUT', body: document, headers: ifMatch(basedOn) }),
  reset: () => request<Configuration>('config/reset/', { method: 'POST' }),
  history: (page: number, pageSize = 10) =>
    request<Page<ConfigHistoryEntry>>('config/history/', { query: { page, page_size: pageSize } }),
  version: (version: number) => request<Configuration>(`config/versions/${version}/`),
  restore: (version: number) => request<Configuration>(`config/versions/${version}/restore/`, { method: 'POST' }),
  export: () => download('config/export/', undefined, 'serialgen-config.json'),
  import: (file: ConfigExport, dryRun: boolean) =>
    request<ConfigImportResult>('config/import/', { method: 'POST', body: file, query: { dry_run: dryRun } }),
};

export interface WorkOrderFilter {
  search?: string;
  status?: GenerationStatus | '';
  source?: WorkOrderSource | '';
  created_from?: string;
  created_to?: string;
  ordering?: string;
}

export const workOrders = {
  list: (filter: WorkOrderFilter, page: number, pageSize: number, signal?: AbortSignal) =>
    request<Page<WorkOrder>>('workorders/', { query: { ...filter, page, page_size: pageSize }, signal }),
  export: (filter: WorkOrderFilter) => download('workorders/export.csv', { ...filter }, 'workorders.csv'),
  get: (id: string | number) => request<WorkOrder>(`workorders/${encodeURIComponent(id)}/`),
  create: (wo: ManualWorkOrder) => request<WorkOrder>('workorders/', { method: 'POST', body: wo }),
  update: (id: string, wo: ManualWorkOrder) =>
    request<WorkOrder>(`workorders/${encodeURIComponent(id)}/`, { method: 'PUT', body: wo }),
  history: (id: string | number, page = 1, pageSize = 50) =>
    request<Page<HistoryEntry>>(`workorders/${encodeURIComponent(id)}/history/`, { query: { page, page_size: pageSize } }),
  breakdown: (woId: string) => request<Breakdown>(`aggregation/workorders/${encodeURIComponent(woId)}/`),
  packing: (woId: string) => request<PackingTree>(`workorders/${encodeURIComponent(woId)}/packing/`),
};

export type Report = 'serials' | 'sscc' | 'bundle-serials' | 'epcis' | 'epcis-xml' | 'labels';
/** How a CSV writes each identifier: see the README's report table (pack, scan and hri carry expiry and lot). */
export type Rendering = 'element' | 'urn' | 'dl' | 'pack' | 'scan' | 'hri';

export const generation = {
  /** `key` is the dialog's own: sent again on a repeat, the server answers with the task it already started. */
  serials: (id: number, body: GenerateRequest, key = idempotencyKey()) =>
    request<TaskAccepted>(`workorders/${id}/generate-serials/`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  sscc: (id: number, body: GenerateRequest, key = idempotencyKey()) =>
    request<TaskAccepted>(`workorders/${id}/generate-sscc/`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  bundleSerials: (id: number, body: GenerateRequest, key = idempotencyKey()) =>
    request<TaskAccepted>(`workorders/${id}/generate-bundle-serials/`, { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
  task: (taskId: string) => request<GenerationTask>(`tasks/${taskId}/`),
  report: (wo: WorkOrder, report: Report, rendering: Rendering) => {
    if (report === 'epcis') return download(`workorders/${wo.id}/epcis`, undefined, `${wo.wo_id}-epcis.jsonld`);
    if (report === 'epcis-xml') return download(`workorders/${wo.id}/epcis`, { format: 'xml' }, `${wo.wo_id}-epcis.xml`);
    if (report === 'labels') return download(`workorders/${wo.id}/sscc-labels.pdf`, undefined, `${wo.wo_id}-sscc-labels.pdf`);
    return download(`workorders/${wo.id}/${report}.csv`, { format: rendering }, `${wo.wo_id}-${report}.csv`);
  },
  pools: () => request<Pool[]>('pools/'),
  audit: () => request<UniquenessReport>('audit/uniqueness', { method: 'POST' }),
};

export const erp = {
  status: () => request<ErpStatus>('erp/status/'),
  sync: (workOrderIds?: string[], forceUpdate = false) =>
    request<SyncAccepted>('erp/sync/', {
      method: 'POST', body: { work_order_ids: workOrderIds?.length ? workOrderIds : undefined, force_update: forceUpdate },
    }),
  runs: (page = 1, pageSize = 10) => request<Page<SyncRun>>('erp/syncs/', { query: { page, page_size: pageSize } }),
  failedRecords: (status: string, page = 1, pageSize = 20) =>
    request<Page<FailedRecord>>('erp/failed-records/', { query: { status, page, page_size: pageSize } }),
  retry: (id: number) => request<unknown>(`erp/failed-records/${id}/retry`, { method: 'POST' }),
  dismiss: (id: number, reason: string) =>
    request<FailedRecord>(`erp/failed-records/${id}/dismiss`, { method: 'POST', body: { reason } }),
  workOrder: (woId: string) => request<ErpWorkOrder>(`erp/workorders/${encodeURIComponent(woId)}/`),
  overridden: (page = 1, pageSize = 20) =>
    request<Page<ErpWorkOrder>>('erp/workorders/', { query: { overridden: true, page, page_size: pageSize } }),
  override: (woId: string, change: { wo_name?: string; quantity?: number; serial_quantity?: number; reason: string }) =>
    request<ErpWorkOrder>(`erp/workorders/${encodeURIComponent(woId)}/override`, { method: 'PUT', body: change }),
  liftOverride: (woId: string, reason: string) =>
    request<ErpWorkOrder>(`erp/workorders/${encodeURIComponent(woId)}/override`, { method: 'DELETE', body: { reason } }),
  actions: (page = 1, pageSize = 20) => request<Page<ErpAction>>('erp/actions/', { query: { page, page_size: pageSize } }),
};

export const recipes = {
  list: (search: string, page: number, pageSize = 20) =>
    request<Page<Recipe>>('aggregation/recipes/', { query: { search, page, page_size: pageSize } }),
  get: (id: number) => request<Recipe>(`aggregation/recipes/${id}/`),
  versions: (id: number) => request<Page<Recipe>>(`aggregation/recipes/${id}/versions/`),
  create: (recipe: RecipeRequest) => request<Recipe>('aggregation/recipes/', { method: 'POST', body: recipe }),
  update: (id: number, recipe: RecipeRequest, basedOn: number) =>
    request<Recipe>(`aggregation/recipes/${id}/`, { method: 'PUT', body: recipe, headers: ifMatch(basedOn) }),
  remove: (id: number) => request<void>(`aggregation/recipes/${id}/`, { method: 'DELETE' }),
  export: () => download('aggregation/recipes/export', undefined, 'recipes.csv'),
  import: (csv: string) =>
    request<unknown>('aggregation/recipes/import', { method: 'POST', raw: { content: csv, type: 'text/csv' } }),
  calculate: (gtin: string, quantity: number) =>
    request<Breakdown>('aggregation/calculate', { method: 'POST', body: { gtin: gtin || undefined, quantity } }),
};


/** What the audit trail is filtered by: exact values; `from`/`to` are ISO-8601 instants (`to` exclusive). */
export interface AuditFilter {
  service?: AuditService | '';
  actor?: string;
  action?: string;
  entity_type?: string;
  entity_id?: string;
  outcome?: AuditOutcome | '';
  request_id?: string;
  from?: string;
  to?: string;
}

export type AuditExport = 'csv' | 'ndjson';

export const auditTrail = {
  /** Newest first; `before` (an entry's cursor) asks for the entries older than it. */
  entries: (filter: AuditFilter, before?: string, limit = 50) =>
    request<Page<AuditEntry>>('audit/', { query: { ...filter, before, limit } }),
  export: (filter: AuditFilter, as: AuditExport) =>
    download(`audit/export.${as}`, { ...filter }, `audit-trail.${as}`),
};
