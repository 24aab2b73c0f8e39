/** Stories across outlets: clustering and the outlet framing comparison. */
export { type ClusterOptions, type Story, clusterStories, pairwiseScore } from './cluster.ts';
export { type EventKey, type OutletComparison, type OutletView, compareOutlets } from './compare.ts';
