/**
 * Every null in a --json document carries a reason (DESIGN.md: "undefined quantities are null with a reason").
 * Walks the document of an offline run of each command and fails on a null without one. The rule: a null at
 * field `k` of an object is explained when
 *   1. `k` is itself a note (ends in `Note`): a null note means there is nothing to say;
 *   2. the object, or an object it is in, has a non-empty `<stem>Note` string, the stem being `k` without a
 *      trailing unit (Years, Months, Blocks): `irr` by `irrNote`, `paybackYears` by `paybackNote`,
 *      `months[].heightBlocks` by the option's `heightNote`;
 *   3. the object's `nullReasons` (or `notes`, as breakevenVsMining has) names `k`;
 *   4. the field's description in the document's JSON Schema says when it is null (it mentions "null").
 */
import { describe, expect, it } from 'vitest';
import { jsonSchemaFor } from '../../src/cli/json-schemas.js';
import { runCli } from '../cli/run-cli.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = {
  $ref?: string;
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};

/** The schema nodes a value may be described by: $refs resolved, unions opened. */
function expand(node: Schema | undefined, root: Schema, out: Schema[] = []): Schema[] {
  if (!node || typeof node !== 'object') return out;
  if (node.$ref) {
    const target = node.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], root);
    expand(target as Schema, root, out);
  }
  out.push(node);
  for (const variant of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) expand(variant, root, out);
  return out;
}

function child(nodes: readonly Schema[], key: string | number, root: Schema): Schema[] {
  return nodes.flatMap((n) =>
    expand(
      typeof key === 'number'
        ? n.items
        : (n.properties?.[key] ??
            (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined)),
      root,
    ),
  );
}

const stem = (key: string) => key.replace(/(Years|Months|Blocks)$/, '');
const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Paths of the nulls that have no reason by the rule above. */
function unexplainedNulls(doc: Json, root: Schema): string[] {
  const out: string[] = [];
  const walk = (value: Json, nodes: Schema[], path: string, objects: { [key: string]: Json }[]) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, child(nodes, i, root), `${path}[${i}]`, objects);
      });
      return;
    }
    if (!isObject(value)) return;
    const within = [value, ...objects];
    for (const [key, v] of Object.entries(value)) {
      const fieldNodes = child(nodes, key, root);
      if (v === null) {
        const note = `${stem(key)}Note`;
        const reasons = [value.nullReasons, value.notes];
        const explained =
          key.endsWith('Note') ||
          within.some((o) => typeof o[note] === 'string' && o[note] !== '') ||
          reasons.some((r) => isObject(r) && typeof r[key] === 'string') ||
          fieldNodes.some((n) => /\bnull\b/.test(n.description ?? ''));
        if (!explained) out.push(path ? `${path}.${key}` : key);
      } else walk(v, fieldNodes, path ? `${path}.${key}` : key, within);
    }
  };
  walk(doc, expand(root, root), '', []);
  return out;
}

const RUNS: [string, string[]][] = [
  ['ai', ['ai', '--mw', '100']],
  ['compare', ['compare', '--mw', '341']],
  ['compare', ['compare', '--mw', '341', '--fleet', 'new']],
  ['mining', ['mining', '--mw', '100']],
  ['network', ['network']],
  ['project', ['project', '--mw', '341']],
  ['project', ['project', '--mw', '341', '--years', '10', '--discount-rate', '12%']],
  ['sensitivity', ['sensitivity', '--mw', '341']],
  // A mixed fleet (its price per TH/s is the TH-weighted one).
  ['project', ['project', '--mw', '341', '--miner', 'antminer-s21-xp:40000', '--miner', 'antminer-s19-xp']],
  ['exodus', ['exodus', '--mw', '341']],
  ['history', ['history']],
  ['hashprice', ['hashprice']],
];

describe('every null in a --json document has a reason', () => {
  it.each(RUNS)('%s (%j)', async (name, args) => {
    const { code, stdout } = await runCli(['--offline', ...args, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as Json;
    expect(unexplainedNulls(doc, jsonSchemaFor(name) as Schema)).toEqual([]);
  });

  it("network: a null provenance says why in the provenance's own nullReasons", async () => {
    const { stdout } = await runCli(['--offline', 'network', '--json']);
    const doc = JSON.parse(stdout) as {
      provenance: Record<string, unknown> & { nullReasons: Record<string, string> };
    };
    expect(doc.provenance.retarget).toBeNull();
    expect(doc.provenance.nullReasons.retarget).toMatch(/no live or cached estimate/);
  });

  it('the rule finds a null without a reason', () => {
    const root = { type: 'object', properties: { a: {}, b: {}, c: {}, cNote: {} } } as Schema;
    expect(unexplainedNulls({ a: null, b: 1, c: null, cNote: 'why' }, root)).toEqual(['a']);
  });
});
