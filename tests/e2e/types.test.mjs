// The TypeScript declarations a host gets match the API as documented: tests/types/usage.ts uses
// every part of it and must compile, and its misuses (marked @ts-expect-error) must be refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('the TypeScript declarations type-check the documented API and refuse its misuse', () => {
  let output = '';
  try {
    execFileSync(`${root}node_modules/.bin/tsc`, ['-p', 'tests/types'], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    output = `${error.stdout}${error.stderr}`;
  }
  assert.equal(output, '', 'tsc reports nothing');
});
