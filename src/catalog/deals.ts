import type { LeaseDeal } from './types.js';

type DealInput = Omit<LeaseDeal, 'usdPerMwYear' | 'usdPerKwMonth' | 'provenance'>;

const press = {
  source:
    "the companies' own announcements (press releases and SEC filings of the landlords) and trade press coverage of them",
  asOf: '2025-11',
  confidence: 'secondary' as const,
  note: 'per-year figures derived as total value / IT MW / term',
};

function deal(input: DealInput): LeaseDeal {
  const usdPerMwYear = input.totalValueUsd / input.itMw / input.termYears;
  return { ...input, usdPerMwYear, usdPerKwMonth: usdPerMwYear / 1000 / 12, provenance: press };
}

/** Reference miner-to-AI deals. Leases are priced per MW of critical IT load. */
export const DEALS: readonly LeaseDeal[] = [
  deal({
    id: 'core-scientific-coreweave',
    landlord: 'Core Scientific',
    tenant: 'CoreWeave',
    kind: 'lease',
    itMw: 500,
    termYears: 12,
    totalValueUsd: 8.7e9,
    note: '~500 MW IT',
  }),
  deal({
    id: 'applied-digital-coreweave',
    landlord: 'Applied Digital',
    tenant: 'CoreWeave',
    kind: 'lease',
    itMw: 400,
    termYears: 15,
    totalValueUsd: 11e9,
    note: '~15-year term, ~$11B',
  }),
  deal({
    id: 'cipher-fluidstack',
    landlord: 'Cipher',
    tenant: 'Fluidstack (Google backstop)',
    kind: 'lease',
    itMw: 168,
    termYears: 10,
    totalValueUsd: 3e9,
    note: '',
  }),
  deal({
    id: 'cipher-aws',
    landlord: 'Cipher',
    tenant: 'AWS',
    kind: 'lease',
    itMw: 300,
    termYears: 15,
    totalValueUsd: 5.5e9,
    note: 'IT or gross MW not stated',
  }),
  deal({
    id: 'terawulf-fluidstack',
    landlord: 'TeraWulf',
    tenant: 'Fluidstack (Google backstop)',
    kind: 'lease',
    itMw: 360,
    termYears: 10,
    totalValueUsd: 6.7e9,
    note: '~360 MW IT',
  }),
  deal({
    id: 'hut8-fluidstack',
    landlord: 'Hut 8',
    tenant: 'Fluidstack/Anthropic',
    kind: 'lease',
    itMw: 245,
    termYears: 15,
    totalValueUsd: 7e9,
    note: 'triple net',
  }),
  deal({
    id: 'galaxy-coreweave',
    landlord: 'Galaxy',
    tenant: 'CoreWeave (Helios)',
    kind: 'lease',
    itMw: 800,
    termYears: 15,
    totalValueUsd: 15e9,
    note: '>$1B per year',
  }),
  deal({
    id: 'iren-microsoft',
    landlord: 'IREN',
    tenant: 'Microsoft',
    kind: 'gpu-cloud',
    itMw: 200,
    termYears: 5,
    totalValueUsd: 9.7e9,
    note: 'GPU cloud contract, not a lease',
  }),
];
