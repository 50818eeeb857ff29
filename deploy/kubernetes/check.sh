#!/usr/bin/env bash
# Renders every overlay (kubectl kustomize, offline) and validates every object against its schema, offline: core
# and Prometheus Operator kinds against the kubernetes-models packages' schemas, Strimzi and CloudNativePG kinds
# against their CRD schemas in validate/schemas (validate/validate.mjs). Run by .ci/run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

if ! command -v kubectl >/dev/null; then
  # kubectl is not in Debian's archive at a version whose kustomize reads these files (bookworm has 1.20)
  echo "[kubernetes] kubectl is missing: the overlays were NOT rendered or validated" >&2
  exit 0
fi
(cd "$here/validate" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
rendered=()
for overlay in "$here"/overlays/*/; do
  name="$(basename "$overlay")"
  kubectl kustomize "$overlay" > "$out/$name.yaml"
  echo "[kubernetes] $name: $(grep -c '^kind:' "$out/$name.yaml") objects rendered"
  rendered+=("$out/$name.yaml")
done
node "$here/validate/validate.mjs" "${rendered[@]}"
