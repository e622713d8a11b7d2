import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonlLine } from './export-jsonl';
import { MAX_ID_CHARS, parseOriginalsJsonl } from './import-jsonl';
import { makeOriginal } from '../engine';

const anyLine = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

describe('parseOriginalsJsonl', () => {
  it('keeps good lines, reports bad ones by line number, ignores unknown fields', () => {
    const text = [
      '{"title":"A","text":"Body A","authors":["X Y"],"shoeSize":44}',
      '{"title":"B"',
      '',
      '{"text":"no title"}',
      '{"title":"C","text":"Body C","authors":"X"}',
      '{"id":"d","title":"D","text":"Body D","url":"https://d.example/"}',
    ].join('\n');
    const { records, problems } = parseOriginalsJsonl(text);
    expect(records).toEqual([
      { title: 'A', text: 'Body A', authors: ['X Y'] },
      { id: 'd', title: 'D', text: 'Body D', url: 'https://d.example/' },
    ]);
    expect(problems.map((p) => p.line)).toEqual([2, 4, 5]);
  });
});

describe('originals without text', () => {
  it('imports a line with a fingerprint instead of text, and refuses a malformed one', () => {
    const fingerprint = { keys: ['n1597', 'ckx1'], words: 800 };
    const { records, problems } = parseOriginalsJsonl(
      [
        JSON.stringify({ id: 'i1', title: 'Indexed', fingerprint }),
        JSON.stringify({ title: 'Bad', fingerprint: { keys: 'x' } }),
      ].join('\n'),
    );
    expect(records).toEqual([{ id: 'i1', title: 'Indexed', text: '', fingerprint }]);
    expect(problems).toEqual([{ line: 2, problem: { code: 'lineBadFingerprint' } }]);
  });

  it('round-trips an original stored without text through export and import', () => {
    const record = makeOriginal(
      {
        id: 'i1',
        title: 'Indexed',
        text: '',
        fingerprint: { keys: ['n1597'], words: 800 },
        publisher: 'Wire',
      },
      'import',
    );
    expect(record.paragraphs).toBeUndefined();
    const [again] = parseOriginalsJsonl(toJsonlLine(record)).records;
    expect(makeOriginal(again, 'import')).toEqual(record);
  });

  it('shortens a very long id with a hash of the whole, so it stays unique and can be exported and deleted', () => {
    const long = (end: string) => JSON.stringify({ id: `${'x'.repeat(600)}${end}`, title: 'T', text: 'Body' });
    const { records } = parseOriginalsJsonl(`${long('a')}\n${long('b')}\n${long('a')}`);
    const ids = records.map((r) => r.id!);
    expect(ids.every((id) => id.length <= MAX_ID_CHARS)).toBe(true);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[0]).toBe(ids[2]);
  });

  it('refuses a fingerprint that counts an absurd number of words', () => {
    const line = JSON.stringify({ title: 'T', text: '', fingerprint: { keys: ['c1'], words: 1e308 } });
    expect(parseOriginalsJsonl(line).problems[0].problem.code).toBe('lineBadFingerprint');
  });

  it('the importer never throws and reports bad lines by their number', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(anyLine, fc.json(), fc.constant('{"title":"T","text":"Body"}')), { maxLength: 30 }),
        (lines) => {
          const { records, problems } = parseOriginalsJsonl(lines.join('\n'));
          for (const p of problems) {
            expect(p.line).toBeGreaterThanOrEqual(1);
            expect(p.line).toBeLessThanOrEqual(lines.join('\n').split(/\r?\n/).length);
          }
          for (const r of records) expect(typeof r.title).toBe('string');
        },
      ),
    );
  });
});
