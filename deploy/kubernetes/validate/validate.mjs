// Validates rendered Kubernetes manifests (multi-document YAML files given as arguments) offline: core kinds and
// the Prometheus Operator's against the schemas the kubernetes-models packages bundle, Strimzi's and
// CloudNativePG's against their CRD schemas kept in schemas/ (see schemas/SOURCES.md). A field a CRD does not
// define is an error here, as the API server's strict field validation would make it; an object of a kind nothing
// here knows fails too, so a new kind cannot slip through unchecked.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

/** Unknown fields are errors: every object schema that lists its properties gets additionalProperties false. */
function closed(schema) {
  if (schema && typeof schema === 'object') {
    if (schema.properties && schema.additionalProperties === undefined
      && !schema['x-kubernetes-preserve-unknown-fields']) {
      schema.additionalProperties = false;
    }
    Object.values(schema).forEach(closed);
  }
  return schema;
}

const crdValidators = new Map();
for (const file of readdirSync(join(here, 'schemas')).filter((f) => f.endsWith('.json'))) {
  const [group, version, kind] = file.replace(/\.json$/, '').split('_');
  const schema = closed(JSON.parse(readFileSync(join(here, 'schemas', file), 'utf8')));
  // apiVersion, kind and metadata are the API server's, checked below for every object
  if (schema.properties) schema.properties.metadata = { type: 'object' };
  crdValidators.set(`${group}/${version}/${kind}`, ajv.compile(schema));
}

/** The kubernetes-models module for an apiVersion, or undefined. */
function modelModule(apiVersion) {
  if (apiVersion.startsWith('monitoring.coreos.com/')) {
    return `@kubernetes-models/prometheus-operator/${apiVersion}`;
  }
  return apiVersion.includes('/') ? `kubernetes-models/${apiVersion}` : `kubernetes-models/${apiVersion}`;
}

async function check(object) {
  const { apiVersion, kind, metadata } = object;
  if (!apiVersion || !kind || !metadata?.name) {
    return ['apiVersion, kind and metadata.name are required'];
  }
  const crd = crdValidators.get(`${apiVersion}/${kind}`);
  if (crd) {
    return crd(object) ? [] : crd.errors.map((e) => `${e.instancePath || '/'} ${e.message}`
      + (e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ''));
  }
  let models;
  try {
    models = await import(modelModule(apiVersion));
  } catch {
    return [`no schema for ${apiVersion}`];
  }
  const Model = models[kind];
  if (!Model) {
    return [`no schema for ${apiVersion} ${kind}`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (e) {
    return [(e.errors ?? [e]).map((x) => `${x.instancePath ?? ''} ${x.message}`).join('; ')];
  }
}

let failures = 0;
let objects = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (doc.errors.length) {
      console.error(`${file}: not YAML: ${doc.errors[0].message}`);
      failures++;
      continue;
    }
    const object = doc.toJS();
    if (!object) continue;
    objects++;
    const errors = await check(object);
    if (errors.length) {
      failures++;
      console.error(`${file}: ${object.kind} ${object.metadata?.name}:\n  ${errors.join('\n  ')}`);
    }
  }
}
console.log(`${objects} objects checked, ${failures} invalid`);
process.exit(failures ? 1 : 0);
