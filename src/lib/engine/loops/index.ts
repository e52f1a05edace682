/** Loops that matter: link, loop and relative loop scores, loop discovery and loops in words. */
export { analyseLoops, dominance } from './analyse';
export type { LoopAnalysis, LoopReport, LoopsOptions } from './analyse';
export type { Discovery, DiscoveryOptions } from './discover';
export type { Phase } from './words';
export { dominancePhases, phaseSentence } from './words';
