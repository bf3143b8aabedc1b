/**
 * The use cases, as the library offers them: from resolved inputs (src/inputs/resolve.ts) and network data (a
 * NetworkSnapshot from the data layer, or the embedded one) to a site's results. The report builders
 * (src/report/) shape these into the documents `--json` prints.
 */
export {
  type SiteEconomics,
  siteEconomics,
} from './economics.js';
export {
  type ExodusLeaving,
  type ExodusQuestion,
  exodusLeaving,
  type Leaving,
  type LeavingChoice,
  LeavingTooLargeError,
  type SiteExodus,
  siteExodus,
  UnknownPoolError,
} from './exodus.js';
export {
  EMBEDDED_EPOCHS_END,
  embeddedDays,
  hashpriceSeries,
  type MarginQuestion,
  type SiteHistory,
  siteHistory,
} from './history.js';
export { heightToday, type NetworkData, networkData } from './network.js';
export {
  type DecisionFlip,
  planOf,
  projectionInputs,
  projectSiteResult,
  type SiteProjectionResult,
} from './projection.js';
export { driverBases, type SiteSensitivity, siteSensitivity } from './sensitivity.js';
export { simulationPlanFor } from './simulation.js';
export { type StrategyResult, siteStrategy } from './strategy.js';
