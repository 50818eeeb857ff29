import type { AuditOutcome, AuditService } from '../../api/types';

export const AUDIT_SERVICES: readonly AuditService[] = ['config-service', 'generation-service', 'erp-sync-service', 'aggregation-service'];
export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'refused', 'failed'];
