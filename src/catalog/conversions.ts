/**
 * Public miners' announced AI/HPC conversions: the sites, their tenants and dates, and the self-mining
 * hashrate each company last reported (what could leave the network; `hashcalc exodus --announced`).
 * One entry per company, so hashrates are never counted twice.
 */
import type { Conversion } from './types.js';

export type { Conversion, ConversionSite } from './types.js';

export const CONVERSIONS: readonly Conversion[] = [
  {
    id: 'bitfarms',
    company: 'Keel Infrastructure (formerly Bitfarms)',
    selfMiningEhs: 17.7,
    miningPlan: 'winding down',
    operatingMw: 341,
    sites: [
      {
        site: 'Washington',
        location: 'Washington, US',
        mw: 18,
        mwBasis: 'gross',
        tenant: null,
        model: 'undecided',
        expected: '2026-12',
        status: 'under construction',
        siteType: 'mining-conversion',
        provenance: {
          source:
            'https://theminermag.com/news/2025-11-13/bitfarms-wind-down-bitcoin-mining-2027-hpc-conversion',
          asOf: '2025-11-13',
          confidence: 'secondary',
          note: 'full conversion for GB300-class GPUs, liquid-cooled, racks to 190 kW, PUE 1.2-1.3; $128M fully funded equipment agreement; GPU-as-a-service favoured by the CEO in February 2026, no tenant by mid-2026',
        },
      },
    ],
    note: 'Bitfarms redomiciled to Delaware and became Keel Infrastructure (KEEL) in April 2026 ("no longer a Bitcoin company", https://wordupnews.com/cryptocurrency/bitfarms-bitf-says-its-no-longer-a-bitcoin-company-as-it-moves-to-u-s-under-new-name/); no HPC/AI lease signed by mid-2026; winding down Bitcoin mining through 2026-27; ~341 MW energized (Q3 2025, https://www.sec.gov/Archives/edgar/data/1812477/000121390025109562/ea026418601ex99-1_bitfarms.htm); Washington (Moses Lake) first, Pennsylvania (Panther Creek) and Quebec planned for 2027; fleet ~19 W/TH',
    provenance: {
      source:
        'https://www.ainvest.com/news/bitfarms-stock-struggles-bitcoin-mining-sector-efficiency-race-2509',
      asOf: '2025-06',
      confidence: 'secondary',
      note: 'operational hashrate 17.7 EH/s in Q2 2025 (19.5 in Q1) after the Argentina exit; fleet efficiency 19 W/TH',
    },
  },
  {
    id: 'cleanspark',
    company: 'CleanSpark',
    selfMiningEhs: 50,
    miningPlan: 'continuing',
    operatingMw: 1030,
    sites: [
      {
        site: 'Cheyenne AI campus',
        location: 'Cheyenne, Wyoming, US',
        mw: 100,
        mwBasis: 'gross',
        tenant: null,
        model: 'undecided',
        expected: null,
        status: 'site secured',
        siteType: 'greenfield',
        provenance: {
          source:
            'https://wyomingstarnews.org/2025/10/30/cleanspark-nabs-100mw-cheyenne-ai-site-beating-microsoft-on-speed',
          asOf: '2025-10-30',
          confidence: 'secondary',
          note: '100 MW site won against Microsoft for high-density, liquid-cooled AI data centers (with Submer); mining continues alongside',
        },
      },
    ],
    note: 'mining funds the platform (its words); up to 890 MW of new utility capacity secured near Houston and a larger Sandersville (GA) site for AI tenants; lease talks with "grade A" tenants, none signed by its 2026-02-05 release; average power cost ~$0.056/kWh in Oct-Dec 2025; ~1.03 GW operating',
    provenance: {
      source:
        'https://www.finanznachrichten.de/nachrichten-2026-02/67632228-cleanspark-inc-cleanspark-delivers-dollar-181-million-in-q1-revenue-strengthens-balance-sheet-and-advances-multi-gigawatt-ai-infrastructure-platform-008.htm',
      asOf: '2025-12',
      confidence: 'secondary',
      note: "CleanSpark's release of 2026-02-05 (PR Newswire text, republished); self-mining ~50 EH/s, the level it passed in June 2025",
    },
  },
  {
    id: 'core-scientific',
    company: 'Core Scientific',
    selfMiningEhs: 16.3,
    miningPlan: 'reducing',
    operatingMw: null,
    sites: [
      {
        site: 'six sites for CoreWeave (Denton TX, Muskogee OK, ...)',
        location: 'Texas, Oklahoma, Georgia, Kentucky, North Carolina, US',
        mw: 500,
        mwBasis: 'it',
        tenant: 'CoreWeave',
        model: 'lease',
        expected: '2027-Q1',
        status: 'partly delivered',
        siteType: 'mining-conversion',
        provenance: {
          source:
            'https://investingnews.com/core-scientific-announces-fourth-quarter-fiscal-year-2025-results/',
          asOf: '2026-03-02',
          confidence: 'secondary',
          note: "Core Scientific's Q4 2025 release (Business Wire text, republished): ~350 MW energized, ~590 MW by early 2027; in Q1 2026 243 MW were billing and colocation revenue ($77.5M) passed self-mining ($30.1M) for the first time, with a $3.3B project bond at 7.75% (results of 2026-05-06 as reported; no primary found); the CoreWeave merger was voted down on 2025-10-30",
        },
      },
    ],
    note: 'shrinking self-mining (20.4 -> 16.3 EH/s in a year) and hosting to free power for colocation; the CEO aims to convert every megawatt within ~3 years',
    provenance: {
      source: 'https://beyondlink.live/?p=177121',
      asOf: '2025-09',
      confidence: 'secondary',
      note: 'Blockspace on the Q3 2025 results: self-mining 16.3 EH/s, hosting 2.2 EH/s',
    },
  },
  {
    id: 'iren',
    company: 'IREN',
    selfMiningEhs: 50,
    miningPlan: 'reducing',
    operatingMw: null,
    sites: [
      {
        site: 'Childress (Horizon)',
        location: 'Childress, Texas, US',
        mw: 200,
        mwBasis: 'it',
        tenant: 'Microsoft',
        model: 'gpu-cloud',
        expected: '2026',
        status: 'under construction',
        siteType: 'mining-conversion',
        provenance: {
          source: 'https://dcpulse.com/news/microsoft-iren-gb300-gpu-cloud-deal',
          asOf: '2025-11-03',
          confidence: 'secondary',
          note: 'liquid-cooled data centers for ~200 MW of IT at the 750 MW Childress campus; GB300 deployed in phases through 2026 for a $9.7B 5-year contract',
        },
      },
    ],
    note: "paused mining expansion at 50 EH/s; 450 MW of Childress was allocated to mining before the Horizon rebuild; GPU capex for the Microsoft contract ~95% funded by $3.6B of GPU financing (under 6%, 5 years) and Microsoft's $1.9B prepayment (Q2 FY26 call, 2026-02-05; trade press, no primary found); Sweetwater 1 (1.4 GW) energized 2026-05-01 (https://chaobro.com/en/posts/iren-1-4gw-datacenter-ai-infra-2026)",
    provenance: {
      source:
        'https://www.ainvest.com/news/iren-limited-ai-data-center-pivot-bitcoin-billion-dollar-compute-powerhouse-2505',
      asOf: '2025-06',
      confidence: 'secondary',
      note: 'Bitcoin mining paused at 50 EH/s (reached by June 2025) while capital moves to AI',
    },
  },
  {
    id: 'hut8',
    company: 'Hut 8',
    selfMiningEhs: null,
    miningPlan: 'not stated',
    operatingMw: 1020,
    sites: [
      {
        site: 'River Bend',
        location: 'West Feliciana Parish, Louisiana, US',
        mw: 245,
        mwBasis: 'it',
        tenant: 'Fluidstack/Anthropic (Google backstop)',
        model: 'lease',
        expected: '2027-Q2',
        status: 'under construction',
        siteType: 'greenfield',
        provenance: {
          source:
            'https://6ix.com/company/hut-8-corp-common-stock/news/hut-8-signs-15-year-245-mw-ai-data-center-lease-river-bend-campus-total-contract',
          asOf: '2025-12-17',
          confidence: 'primary',
          note: '15-year, $7.0B triple-net lease; first data hall Q2 2027, more through 2027',
        },
      },
      {
        site: 'Beacon Point',
        location: 'Texas, US',
        mw: 352,
        mwBasis: 'it',
        tenant: 'undisclosed investment-grade tenant',
        model: 'lease',
        expected: '2027-Q3',
        status: 'contracted',
        siteType: 'greenfield',
        provenance: {
          source: 'https://letsdatascience.com/news/hut-8-signs-98b-lease-for-beacon-point-campus-7dc4cc0d',
          asOf: '2026-05-06',
          confidence: 'secondary',
          note: '15-year, $9.8B triple-net lease for the first phase; first data hall Q3 2027',
        },
      },
    ],
    note: 'both AI sites are new campuses, so no mining leaves for them; self-mining moved to the majority-owned American Bitcoin (9.3 EH/s in Q1 2025); 1,020 MW under management (2025-09-30)',
    provenance: {
      source: 'https://www.pubt.io/view/F187FC6DDB706337059FA017829E480612EB14A3',
      asOf: '2025-09-30',
      confidence: 'primary',
      note: 'Hut 8 Q3 2025 10-Q: 1,020 MW of energy capacity under management; self-mining is reported by American Bitcoin, not Hut 8',
    },
  },
  {
    id: 'terawulf',
    company: 'TeraWulf',
    selfMiningEhs: 12.8,
    miningPlan: 'continuing',
    operatingMw: null,
    sites: [
      {
        site: 'Lake Mariner (CB-3, CB-4, CB-5)',
        location: 'Barker, New York, US',
        mw: 360,
        mwBasis: 'it',
        tenant: 'Fluidstack (Google backstop)',
        model: 'lease',
        expected: '2026',
        status: 'under construction',
        siteType: 'mining-conversion',
        provenance: {
          source: 'https://z9news.com/google-ups-stake-in-bitcoin-miner-terawulf-to-14-wulf-jumps-13',
          asOf: '2025-08',
          confidence: 'secondary',
          note: '~360 MW of IT contracted; CB-5 (160 MW) from the second half of 2026; Core42 (72.5 MW) also hosted at Lake Mariner',
        },
      },
    ],
    note: 'plans to keep mining at least through the end of 2026 (https://satoshibrother.com/terawulf-plans-to-secure-250-500-mw-in-hpc-leases-annually-emphasizing-strategic-shift-towards-ai); Abernathy TX joint venture with Fluidstack',
    provenance: {
      source:
        'https://markets.financialcontent.com/concordmonitor/article/gnwcq-2025-8-8-terawulf-reports-second-quarter-2025-results',
      asOf: '2025-06',
      confidence: 'primary',
      note: 'TeraWulf Q2 2025 results (GlobeNewswire): BTC mining capacity 12.8 EH/s',
    },
  },
  {
    id: 'cipher',
    company: 'Cipher',
    selfMiningEhs: 23.6,
    miningPlan: 'not stated',
    operatingMw: null,
    sites: [
      {
        site: 'Barber Lake',
        location: 'Colorado City, Texas, US',
        mw: 207,
        mwBasis: 'it',
        tenant: 'Fluidstack (Google backstop)',
        model: 'lease',
        expected: '2026-09',
        status: 'under construction',
        siteType: 'greenfield',
        provenance: {
          source: 'https://blockworks.co/news/cipher-mining-inks-3b-ai-hosting-deal-with-fluidstack',
          asOf: '2025-11',
          confidence: 'secondary',
          note: '168 MW of IT due by September 2026 plus the 39 MW expansion due January 2027 (https://beyondspx.com/quote/CIFR/news/cipher-mining-secures-830-million-ai-hosting-deal-with-fluidstack-expanding-to-full-300-mw-site)',
        },
      },
      {
        site: 'Black Pearl',
        location: 'Texas, US',
        mw: 300,
        mwBasis: 'gross',
        tenant: 'AWS',
        model: 'lease',
        expected: '2026-Q4',
        status: 'under construction',
        siteType: 'mining-conversion',
        provenance: {
          source: 'https://fintool.com/app/research/companies/CIFR/earnings/Q3%202025',
          asOf: '2025-11-03',
          confidence: 'secondary',
          note: '15-year, $5.5B lease; two phases from July 2026 to Q4 2026, rent from August 2026',
        },
      },
    ],
    note: 'mining and HPC side by side so far; a 1 GW "Colchis" joint-venture site targets power in 2028',
    provenance: {
      source: 'https://reportify.ai/news/1183291974095212544',
      asOf: '2025-09',
      confidence: 'secondary',
      note: 'end-of-Q3 2025 self-mining hashrate 23.6 EH/s (Black Pearl Phase I completed)',
    },
  },
  {
    id: 'riot',
    company: 'Riot',
    selfMiningEhs: null,
    miningPlan: 'continuing',
    operatingMw: null,
    sites: [
      {
        site: 'Rockdale',
        location: 'Rockdale, Texas, US',
        mw: 25,
        mwBasis: 'it',
        tenant: 'AMD',
        model: 'lease',
        expected: '2026-05',
        status: 'partly delivered',
        siteType: 'mining-conversion',
        provenance: {
          source: 'https://www.sec.gov/Archives/edgar/data/1167419/000110465926004551/riot-20260116x8k.htm',
          asOf: '2026-01-16',
          confidence: 'primary',
          note: '10-year lease of 25 MW of critical IT in existing buildings, two phases January-May 2026, options to 200 MW; Riot means to turn all 700 MW of Rockdale to data centers over time',
        },
      },
    ],
    note: 'first data-center lease (AMD); 1.7 GW of approved power across Rockdale and Corsicana; self-mining hashrate not carried here (no dated figure sourced), so exodus --announced leaves Riot out',
    provenance: {
      source: 'https://www.sec.gov/Archives/edgar/data/1167419/000110465926004551/riot-20260116x8k.htm',
      asOf: '2026-01-16',
      confidence: 'primary',
      note: "Riot's Form 8-K of 2026-01-16: the Rockdale land purchase (~1,080 BTC sold) and the AMD lease",
    },
  },
];
