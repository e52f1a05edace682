import type { ExpandingBuiltin } from './types';

export const memoryBuiltins: ExpandingBuiltin[] = [
	{
		kind: 'expanding',
		name: 'init',
		aliases: ['initial'],
		signature: 'INIT(x): the value x had at the start of the run',
		minArgs: 1,
		maxArgs: 1,
		expand: ([x], ctx) => ctx.addMemory('initial value', x)
	},
	{
		// Vensim's ACTIVE INITIAL, which XMILE carries as an aux's <init_eqn>: the start value
		// breaks a loop that only exists at the start (capacity ← target ← capacity).
		kind: 'expanding',
		name: 'active_initial',
		signature: 'ACTIVE_INITIAL(x, initial): x, except at the start of the run, where it is initial',
		minArgs: 2,
		maxArgs: 2,
		expand: ([x, init], ctx) => ctx.addActiveInitial('value', x, init)
	},
	{
		kind: 'expanding',
		name: 'previous',
		signature:
			'PREVIOUS(x [, initial]): the value x had one DT ago; at the start, initial (default: x)',
		minArgs: 1,
		maxArgs: 2,
		expand: ([x, init], ctx) => {
			const source = ctx.hoist(x, 'input');
			return ctx.addMemory('previous value', init ?? source, source);
		}
	}
];
