// The JSON Schema and the datasets agree: the embedded dataset and the valid fixture pass it,
// and the broken fixture fails it at the same places the Rust validator reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(read('../../data/dataset.schema.json'));

test('the embedded dataset and the valid fixture pass the schema', () => {
  for (const path of ['../../data/technopolis-moscow.json', '../fixtures/other-zone.json']) {
    assert.ok(validate(read(path)), `${path}: ${JSON.stringify(validate.errors, null, 1)}`);
  }
});

test('the broken fixture fails the schema where the validator says', () => {
  assert.equal(validate(read('../fixtures/broken.json')), false);
  const places = new Set(validate.errors.map((e) => e.instancePath));
  for (const place of ['/observations/0/value', '/observations/2/qualifier']) {
    assert.ok(places.has(place), `${place} not among ${[...places]}`);
  }
});
