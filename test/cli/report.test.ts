/** `hashcalc report`: the board report written as one self-contained HTML file (in-process). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_SECTIONS, renderHtmlReport } from '../../src/output/html-report.js';
import { boardReport } from '../../src/report/board.js';
import type { ProjectReport } from '../../src/report/schemas.js';
import type { SensitivityReport } from '../../src/report/sensitivity-schema.js';
import { runCli } from './run-cli.js';

const dir = () => mkdtempSync(join(tmpdir(), 'hashcalc-report-'));

describe('report', () => {
  it('writes one self-contained HTML file and says so on stderr in one line', async () => {
    const file = join(dir(), 'site-report.html');
    const r = await runCli(['report', '--mw', '341', '--years', '3', '--offline', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KB\\)\\n$`),
    );
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Nothing to fetch, nothing to run: no script, no external stylesheet, image or font.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html.match(/\s(src|srcset)=/g)).toBeNull();
    for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="https?:\/\//);
  });

  it('has every section, in the order a board reads, and charts with text alternatives', async () => {
    const r = await runCli(['report', '--mw', '341', '--years', '3', '--offline', '--out', '-']);
    expect(r.code).toBe(0);
    const positions = REPORT_SECTIONS.map(([id]) => r.stdout.indexOf(`<section id="${id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const svgs = r.stdout.match(/<svg [^>]*class="chart"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(4);
    for (const svg of svgs) {
      expect(svg).toMatch(/role="img"/);
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/);
      expect(svg).toMatch(/width="\d+" height="\d+"/);
      expect(svg).not.toContain('NaN');
    }
    expect(r.stdout).toContain('halving');
    expect(r.stdout).toContain('https://');
  });

  it('takes the inputs of project, and no --json', async () => {
    const r = await runCli(['report', '--mw', '100', '--years', '3', '--offline', '--json']);
    expect(r.code).toBe(2);
  });

  it('fails in one line naming the file when it cannot write it', async () => {
    const file = join(dir(), 'missing', 'r.html');
    const r = await runCli(['report', '--mw', '341', '--years', '3', '--offline', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write '${file}': no such directory`);
  });

  it('escapes every text from data (catalog notes, URLs) for HTML', async () => {
    const project = JSON.parse(
      (await runCli(['project', '--mw', '341', '--years', '3', '--offline', '--json'])).stdout,
    ) as ProjectReport;
    const sensitivity = JSON.parse(
      (await runCli(['sensitivity', '--mw', '341', '--years', '3', '--offline', '--json'])).stdout,
    ) as SensitivityReport;
    const evil = `<img src=x onerror="alert(1)"> & "quoted" https://example.com/a?b=1&c="><script>x</script>`;
    const first = Object.keys(project.assumptionSources)[0] as string;
    project.assumptionSources[first] = {
      ...project.assumptionSources[first],
      value: 1,
      origin: 'default',
      basis: evil,
    };
    const html = renderHtmlReport(boardReport(project, sensitivity, '2026-12-07T00:00:00.000Z', 'test'));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quoted&quot;');
    // The link stops at the quote; the rest stays text, escaped.
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=">');
  });
});
