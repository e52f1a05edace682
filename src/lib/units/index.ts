/**
 * Unit checking with mathjs's unit algebra: pure TypeScript, runs in Node and in a worker.
 *
 *   const warnings = checkUnits(model); // Diagnostic[], severity 'warning'
 */
export { checkUnits } from './check';
export { UnitSystem, unitKey } from './system';
export { parseUnitText, UnitSyntaxError } from './syntax';
export type { Units } from './units';
