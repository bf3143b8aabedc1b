/** The power contract over the horizon (issue 23): escalator, fixed price then market, take-or-pay, grid charges. */
import { number, PROJECTING, type RowSpec } from './define.js';

/** ERCOT's four-coincident-peak transmission charges, the basis of the grid-charge rows. */
const FOUR_CP =
  'ERCOT 4CP transmission charges run $50-150+ per kW-year by TSP, set by a load\'s demand in the four summer 15-minute system peaks (NFM Consulting, "ERCOT 4CP: How to Reduce Transmission Costs", nfmconsulting.com/knowledge/ercot-4cp-reduce-costs)';

const FOUR_CP_URL = 'https://nfmconsulting.com/knowledge/ercot-4cp-reduce-costs';

export const POWER_ROWS: readonly RowSpec[] = [
  {
    id: 'powerEscalatorPerYear',
    flag: '--power-escalator',
    valueName: 'FRACTION_PER_YEAR',
    path: 'power.escalatorPerYear',
    group: 'projection',
    commands: PROJECTING,
    description:
      "the contract power price's step-up each projection year (months 13-24 pay --power-price x (1 + it)); every option's energy bill (a lease's only with --landlord-pays-power); a market price (--power-market-price, a deck's) is not escalated",
    kind: number({
      flag: '--power-escalator',
      accepts: 'a yearly step from -50% to 50% (e.g. 0.03 or 3%)',
      min: -0.5,
      max: 0.5,
      percent: true,
    }),
    defaultValue: 0,
    basis: "a flat contract price, as --power-price states it; give your contract's escalator",
  },
  {
    id: 'powerFixedUntil',
    flag: '--power-fixed-until',
    valueName: 'YYYY-MM',
    path: 'power.fixedUntil',
    group: 'projection',
    commands: PROJECTING,
    kind: { type: 'text' },
    description:
      "the last month (YYYY-MM) the contract price (--power-price, escalated) holds; after it the market price: a --price-deck's powerUsdPerKwh (the last given at or before the month), else --power-market-price, else the contract's carried on",
    basis: "no end date: the contract price all the horizon (a deck's power prices in their months)",
  },
  {
    id: 'powerMarketUsdPerKwh',
    flag: '--power-market-price',
    valueName: 'USD_PER_KWH',
    path: 'power.marketUsdPerKwh',
    group: 'projection',
    commands: PROJECTING,
    unit: 'USD/kWh',
    description:
      'the market power price after --power-fixed-until where no deck gives one (needs --power-fixed-until)',
    kind: number({
      flag: '--power-market-price',
      accepts: 'USD per kWh from 0 to 2 (e.g. 0.06)',
      min: 0,
      max: 2,
    }),
    basis: 'none: the contract price carried on after --power-fixed-until',
  },
  {
    id: 'takeOrPay',
    flag: '--take-or-pay',
    valueName: 'FRACTION',
    path: 'power.takeOrPay',
    group: 'projection',
    commands: PROJECTING,
    description:
      "share of a curtailed mining month's energy paid anyway (take-or-pay); a month curtails only when its revenue misses the rest of its running costs",
    kind: number({
      flag: '--take-or-pay',
      accepts: 'a fraction from 0 to 1 (e.g. 0.5 or 50%)',
      min: 0,
      max: 1,
      percent: true,
    }),
    defaultValue: 0,
    basis:
      "none: a curtailed month pays no energy (a flexible miner's contract); give your minimum-take clause",
  },
  {
    id: 'demandChargeUsdPerKwMonth',
    flag: '--demand-charge',
    valueName: 'USD_PER_KW_MONTH',
    path: 'power.demandChargeUsdPerKwMonth',
    group: 'projection',
    commands: PROJECTING,
    unit: 'USD per kW of site grid power per month',
    description:
      "demand charges on the site's grid kW (MW x 1000), every month: a lease or GPU cloud (firm) in full from go-live, mining --mining-peak-share of them",
    kind: number({
      flag: '--demand-charge',
      accepts: 'USD per kW-month from 0 to 100 (e.g. 5)',
      min: 0,
      max: 100,
    }),
    defaultValue: 0,
    basis: "none: --power-price taken as all-in; give your tariff's demand charge",
  },
  {
    id: 'transmissionChargeUsdPerKwYear',
    flag: '--transmission-charge',
    valueName: 'USD_PER_KW_YEAR',
    path: 'power.transmissionChargeUsdPerKwYear',
    group: 'projection',
    commands: PROJECTING,
    unit: 'USD per kW of site grid power per year',
    description:
      "transmission charges on the site's grid kW, paid monthly (/12): a firm load in full from go-live, mining --mining-peak-share of them",
    kind: number({
      flag: '--transmission-charge',
      accepts: 'USD per kW-year from 0 to 1000 (e.g. 100)',
      min: 0,
      max: 1000,
    }),
    defaultValue: 0,
    basis: `none: --power-price taken as all-in; ${FOUR_CP}`,
    sourceUrl: FOUR_CP_URL,
  },
  {
    id: 'miningPeakShare',
    flag: '--mining-peak-share',
    valueName: 'FRACTION',
    path: 'power.miningPeakShare',
    group: 'projection',
    commands: PROJECTING,
    description:
      'share of the demand and transmission charges a mining load pays (it curtails at the peaks that set them); also before an AI go-live',
    kind: number({
      flag: '--mining-peak-share',
      accepts: 'a fraction from 0 to 1 (e.g. 0.1 or 10%)',
      min: 0,
      max: 1,
      percent: true,
    }),
    defaultValue: 0.1,
    basis: `a miner curtailing in the four 4CP intervals carries a near-zero peak tag; 10% allows for missed peaks (NFM's example: a 10 MW load cut to 2 MW at the peaks pays 20%); ${FOUR_CP}`,
    sourceUrl: FOUR_CP_URL,
  },
];
