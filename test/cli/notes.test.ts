/**
 * Notes on stderr wrap like stdout: on a terminal, at word boundaries to its width (COLUMNS honoured),
 * continuation lines indented by two spaces, a word or URL never cut; elsewhere one line per note, as scripts
 * grep them.
 */
import { describe, expect, it } from 'vitest';
import { printNotes } from '../../src/cli/commands/shared.js';
import type { Context } from '../../src/context.js';

const URL_WORD = 'https://mempool.example.org/api/v1/difficulty-adjustment?with=a-very-long-query-string';
const NOTE = `could not reach the mempool server, using the cached network data from 3 hours ago; see ${URL_WORD} and retry later with --offline if it persists`;

function fakeContext(stderr: { isTTY?: boolean; columns?: number }, env: Record<string, string> = {}) {
  let err = '';
  const ctx = {
    stdout: { write: () => true, isTTY: false },
    stderr: {
      ...stderr,
      write: (chunk: string) => {
        err += chunk;
        return true;
      },
    },
    env,
    now: () => 0,
    colorLevel: 0,
  } as Context;
  return { ctx, stderr: () => err };
}

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');

describe('notes on stderr', () => {
  it('wrap at word boundaries to a 60-column terminal, continuation lines indented by two spaces', () => {
    const t = fakeContext({ isTTY: true, columns: 60 });
    printNotes(t.ctx, [NOTE, 'short note']);
    const lines = t.stderr().split('\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]?.startsWith('hashcalc: could not reach')).toBe(true);
    expect(lines.at(-1)).toBe('hashcalc: short note');
    const wrapped = lines.slice(0, -1);
    expect(wrapped.length).toBeGreaterThan(2);
    for (const line of wrapped.slice(1)) expect(line).toMatch(/^ {2}\S/);
    // No line is wider than 60 columns unless it is one word alone (the URL); the URL is on one line, whole.
    for (const line of wrapped) if (line.length > 60) expect(line.trim()).toBe(URL_WORD);
    expect(wrapped.some((l) => l.trim() === URL_WORD || l.includes(URL_WORD))).toBe(true);
    // Nothing lost or cut: the same words, in order.
    expect(words(wrapped.join('\n'))).toEqual(words(`hashcalc: ${NOTE}`));
  });

  it('honour COLUMNS on a terminal', () => {
    const t = fakeContext({ isTTY: true, columns: 200 }, { COLUMNS: '60' });
    printNotes(t.ctx, [NOTE]);
    expect(t.stderr().split('\n').length).toBeGreaterThan(3);
  });

  it('stay one line per note when stderr is not a terminal, however narrow COLUMNS is', () => {
    const t = fakeContext({ isTTY: false, columns: 60 }, { COLUMNS: '40' });
    printNotes(t.ctx, [NOTE, 'short note']);
    expect(t.stderr()).toBe(`hashcalc: ${NOTE}\nhashcalc: short note\n`);
  });
});
