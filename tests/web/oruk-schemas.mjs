// Checks Open Referral UK responses the way the public validator does: each
// endpoint's body against its compiled HSDS-UK 3.0 schema (data/oruk/schema/),
// with ajv, formats included (uuid, uri, email, date-time).
//
//   check('services', body)   -> [] when valid, else readable error strings
//
// Kinds: api (GET /), services, service, service_at_locations,
// service_at_location, taxonomies, taxonomy, taxonomy_terms, taxonomy_term.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import Ajv from 'ajv';
import addFormats from 'ajv-formats';

import { repoRoot } from './harness.mjs';

const schemaDir = path.join(repoRoot, 'data', 'oruk', 'schema');
const load = (...parts) => JSON.parse(readFileSync(path.join(schemaDir, ...parts), 'utf8'));

// The schemas carry Frictionless table metadata (tabular_required, datapackage
// keys) that is not JSON Schema: strict mode off, so ajv ignores it.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// Table-only formats in the schemas, meaningless for JSON bodies.
ajv.addFormat('csv', true);
ajv.addFormat('datetime', true);
// The uncompiled schemas refer to each other by file name (taxonomy.json ->
// taxonomy_term.json): register each under its name.
for (const file of readdirSync(schemaDir)) {
  if (file.endsWith('.json') && !file.includes('openapi')) ajv.addSchema(load(file), file);
}

// Every list answer: the profile's Page fields, all present, plus contents.
function pageOf(item) {
  return {
    type: 'object',
    required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
    properties: {
      total_items: { type: 'integer', minimum: 0 },
      total_pages: { type: 'integer', minimum: 0 },
      page_number: { type: 'integer', minimum: 1 },
      size: { type: 'integer', minimum: 0 },
      first_page: { type: 'boolean' },
      last_page: { type: 'boolean' },
      empty: { type: 'boolean' },
      contents: { type: 'array', items: item },
    },
  };
}

// GET / as the validator reads it: the profile's version and two absolute URLs.
const apiDetails = {
  type: 'object',
  required: ['version', 'profile', 'openapi_url'],
  properties: {
    version: { const: 'HSDS-UK-3.0' },
    profile: { type: 'string', format: 'uri' },
    openapi_url: { type: 'string', format: 'uri' },
  },
};

const compiled = (name) => load('compiled', name);
const validators = {
  api: ajv.compile(apiDetails),
  services: ajv.compile(pageOf(compiled('service_list.json'))),
  service: ajv.compile(compiled('service.json')),
  service_at_locations: ajv.compile(pageOf(compiled('service_at_location_list.json'))),
  // The validator checks this endpoint against the compiled
  // service_at_location.json, though the profile's OpenAPI names service.json.
  service_at_location: ajv.compile(compiled('service_at_location.json')),
  taxonomies: ajv.compile(pageOf(load('taxonomy.json'))),
  taxonomy: ajv.compile(load('taxonomy.json')),
  taxonomy_terms: ajv.compile(pageOf(load('taxonomy_term.json'))),
  taxonomy_term: ajv.compile(load('taxonomy_term.json')),
  organizations: ajv.compile(pageOf(compiled('organization_list.json'))),
  organization: ajv.compile(compiled('organization.json')),
};

/** Errors for `body` as a `kind` answer; empty when it conforms. */
export function check(kind, body) {
  const all = [validators[kind]].flat();
  const errors = [];
  for (const validate of all) {
    if (!validate(body)) {
      for (const e of validate.errors) errors.push(`${kind}${e.instancePath} ${e.message}`);
    }
  }
  return errors;
}

/** Which kind of answer a validator fixture file holds, by its name. */
export const FIXTURE_KINDS = {
  'api_details.json': 'api',
  'organization_full.json': 'organization',
  'organization_list.json': 'organizations',
  'service_full.json': 'service',
  'service_list.json': 'services',
  'service_at_location_full.json': 'service_at_location',
  'service_at_location_list.json': 'service_at_locations',
  'taxonomy.json': 'taxonomy',
  'taxonomy_list.json': 'taxonomies',
  'taxonomy_term.json': 'taxonomy_term',
  'taxonomy_term_list.json': 'taxonomy_terms',
};

// The endpoints the UK profile requires. A fault elsewhere (taxonomies,
// service_at_locations) is a warning to the public validator, not a failure.
export const REQUIRED_KINDS = new Set(['api', 'services', 'service']);

/**
 * The validator's verdict on a set of answers ({file: [kind, body]}):
 * { pass, failures: {file: errors}, warnings: {file: errors} }.
 */
export function verdict(answers) {
  const failures = {};
  const warnings = {};
  for (const [file, [kind, body]] of Object.entries(answers)) {
    const errors = check(kind, body);
    if (errors.length === 0) continue;
    (REQUIRED_KINDS.has(kind) ? failures : warnings)[file] = errors;
  }
  return { pass: Object.keys(failures).length === 0, failures, warnings };
}
