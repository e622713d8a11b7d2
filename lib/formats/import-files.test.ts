import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { englishProblem } from './problem-error';
import { parseImportFile } from './import-files';

const parse = (html: string) => parseHTML(html).document as unknown as Document;

describe('parseImportFile', () => {
  it('reads .jsonl with problems by line, .txt with a title line, .html like a page', () => {
    const jsonl = parseImportFile('pack.jsonl', '{"title":"A","text":"Body"}\nnot json\n', parse);
    expect(jsonl.items).toEqual([{ title: 'A', text: 'Body' }]);
    expect(jsonl.problems.map(englishProblem)).toEqual(['pack.jsonl, line 2: invalid JSON']);
    expect(parseImportFile('a.txt', 'Title\nBody text.', parse).items).toEqual([
      { title: 'Title', text: 'Body text.' },
    ]);
    const body = Array.from(
      { length: 5 },
      (_, i) => `<p>Paragraph ${i} of an article long enough for Readability to take it as the article text.</p>`,
    ).join('');
    const html = parseImportFile(
      'a.html',
      `<html><head><title>T</title></head><body><article>${body}</article></body></html>`,
      parse,
    );
    expect(html.items[0].text.split('\n\n')).toHaveLength(5);
  });

  it('refuses binary and wrongly encoded files with a clear message', () => {
    expect(parseImportFile('x.jsonl', '\u0000\u0001PK\u0003\u0004', parse).problems.map(englishProblem)[0]).toMatch(
      /not UTF-8 text/,
    );
    const latin1AsUtf8 = 'Caf\uFFFD na\uFFFDve r\uFFFDsum\uFFFD \uFFFDl\uFFFDve'.repeat(5);
    expect(parseImportFile('x.txt', `Title\n${latin1AsUtf8}`, parse).problems.map(englishProblem)[0]).toMatch(
      /not UTF-8 text/,
    );
  });

  it('says what is wrong with other files instead of failing', () => {
    expect(parseImportFile('a.pdf', 'x', parse).problems.map(englishProblem)[0]).toMatch(
      /not a \.jsonl, \.txt or \.html file/,
    );
    expect(parseImportFile('a.txt', 'Only a title', parse).problems.map(englishProblem)[0]).toMatch(
      /needs a title line and text/,
    );
    expect(
      parseImportFile('a.html', '<html><body><form></form></body></html>', parse).problems.map(englishProblem)[0],
    ).toMatch(/no article/);
  });
});
