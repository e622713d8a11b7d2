import { describe, expect, it } from 'vitest';
import { parseOriginalsJsonl } from './import-jsonl';

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
