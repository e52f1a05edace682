/** Small constructors for the IR that expanding builtins assemble. */
import type { IR } from '../ir';

export const num = (v: number): IR => ({ k: 'num', v });
export const add = (a: IR, b: IR): IR => ({ k: 'bin', op: '+', a, b });
export const sub = (a: IR, b: IR): IR => ({ k: 'bin', op: '-', a, b });
export const mul = (a: IR, b: IR): IR => ({ k: 'bin', op: '*', a, b });
export const div = (a: IR, b: IR): IR => ({ k: 'bin', op: '/', a, b });
