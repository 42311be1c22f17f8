import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '../../src/core');
const files = readdirSync(CORE).filter((f) => f.endsWith('.ts'));

describe('the rules core stays pure', () => {
  it.each(files)('%s imports nothing but other core modules', (file) => {
    const text = readFileSync(join(CORE, file), 'utf8');
    const imports = [...text.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    expect(imports.filter((spec) => !spec.startsWith('./'))).toEqual([]);
  });

  it.each(files)('%s reads no clock, no randomness and no process', (file) => {
    const text = readFileSync(join(CORE, file), 'utf8');
    expect(text).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now|setTimeout|setInterval|process\.|console\./);
  });
});
