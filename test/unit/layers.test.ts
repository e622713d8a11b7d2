/**
 * The layout the README describes holds: layers as folders under lib/, nothing loose beside
 * them, and no import circles (lint keeps each arrow pointing the right way; this keeps the
 * graph a graph without loops).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const LIB = join(ROOT, 'lib');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)[^'"]*?from\s+'(\.[^']+)'/gm)) {
    const target = normalize(join(dirname(file), match[1]));
    for (const candidate of [`${target}.ts`, join(target, 'index.ts')]) {
      try {
        if (statSync(candidate).isFile()) {
          found.push(candidate);
          break;
        }
      } catch {
        // Not this form of the path.
      }
    }
  }
  return found;
}

describe('the layers', () => {
  it('are folders, with nothing loose in lib/', () => {
    for (const layer of ['model', 'engine', 'store', 'extension', 'ui', 'formats', 'reader'])
      expect(statSync(join(LIB, layer, 'index.ts')).isFile(), layer).toBe(true);
    expect(readdirSync(LIB).filter((name) => name.endsWith('.ts'))).toEqual([]);
  });

  it('import each other without circles', () => {
    const files = sourceFiles(LIB);
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(ROOT, f)).join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('keep the model free of code', () => {
    for (const file of sourceFiles(join(LIB, 'model'))) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\b(function|class|const|let|var)\b/);
    }
  });
});
