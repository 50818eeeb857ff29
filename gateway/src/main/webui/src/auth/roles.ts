// What each role may do, as the gateway's route table (relay/PublicApi) grants it. The UI only hides or disables what
// a role may not use; the gateway refuses it regardless.
export type Role = 'admin' | 'manager' | 'supervisor' | 'erp-operator' | 'viewer';

export type Capability = 'configure' | 'generate' | 'enterWorkOrders' | 'syncErp' | 'overrideErp' | 'auditErp' | 'readAuditTrail';

const GRANTS: Record<Capability, Role[]> = {
  configure: ['admin', 'manager'],
  generate: ['admin', 'manager', 'supervisor'],
  enterWorkOrders: ['admin', 'manager', 'supervisor', 'erp-operator'],
  syncErp: ['admin', 'manager', 'erp-operator'],
  overrideErp: ['admin', 'erp-operator'],
  auditErp: ['admin', 'manager', 'erp-operator'],
  readAuditTrail: ['admin', 'manager'],
};

export function may(roles: readonly string[], capability: Capability): boolean {
  return GRANTS[capability].some((role) => roles.includes(role));
}
