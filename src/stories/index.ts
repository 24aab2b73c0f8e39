/** Stories across outlets: clustering and the outlet framing comparison. */
export {
  type ClusterOptions,
  type Story,
  clusterStories,
  outletOf,
  pairwiseScore,
  UNKNOWN_OUTLET,
} from './cluster.ts';
export { type EventKey, type OutletComparison, type OutletView, compareOutlets } from './compare.ts';
