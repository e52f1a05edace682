import type { IR, RuntimeOp } from '../ir';
import { VENSIM_DISTRIBUTIONS, VENSIM_PARAMETERS } from '../random-variates';
import type { ExpandContext, ExpandingBuiltin } from './types';

/**
 * Random draws happen once per DT (the same value through every stage of RK2/RK4) from the run's
 * seeded generator, so one seed gives one run. A per-call seed argument is accepted for Stella
 * compatibility; the run's seed (sim specs, or --seed) decides the sequence.
 */
function draw(op: RuntimeOp, uniforms: number) {
	return (args: IR[], ctx: ExpandContext, used: number): IR => ({
		k: 'rt',
		op,
		slot: ctx.randomSlot(uniforms),
		args: args.slice(0, used)
	});
}

function distribution(
	name: string,
	op: RuntimeOp,
	params: number,
	uniforms: number,
	signature: string,
	aliases?: string[]
): ExpandingBuiltin {
	const make = draw(op, uniforms);
	return {
		kind: 'expanding',
		name,
		aliases,
		signature,
		minArgs: params,
		maxArgs: params + 1,
		expand: (args, ctx) => make(args, ctx, params)
	};
}

export const randomBuiltins: ExpandingBuiltin[] = [
	distribution(
		'random',
		'uniform',
		2,
		1,
		'RANDOM(min, max [, seed]): uniformly distributed between min and max',
		['uniform']
	),
	distribution('normal', 'normal', 2, 2, 'NORMAL(mean, sd [, seed]): normally distributed'),
	distribution('exprnd', 'exponential', 1, 1, 'EXPRND(mean [, seed]): exponentially distributed'),
	distribution(
		'lognormal',
		'lognormal',
		2,
		2,
		'LOGNORMAL(mean, sd [, seed]): log-normally distributed with this mean and sd'
	),
	distribution('poisson', 'poisson', 1, 1, 'POISSON(mean [, seed]): Poisson distributed count'),
	distribution(
		'triangular',
		'triangular',
		3,
		1,
		'TRIANGULAR(min, mode, max [, seed]): triangular distribution'
	),
	...vensimRandomBuiltins()
];

/**
 * Vensim's RANDOM … functions, in Vensim's argument order without its stream id:
 * VENSIM_RANDOM_GAMMA(min, max, order, shift, stretch) and so on (the .mdl reader writes them).
 * Each is drawn by vensimDraw (random-variates.ts), which stretches, shifts and truncates.
 */
function vensimRandomBuiltins(): ExpandingBuiltin[] {
	return VENSIM_DISTRIBUTIONS.map((distribution, code) => {
		const { parameters, shifted } = VENSIM_PARAMETERS[distribution];
		const written = ['min', 'max', ...parameters, ...(shifted ? ['shift', 'stretch'] : [])];
		const name = `vensim_random_${distribution.replace(/ /g, '_')}`;
		return {
			kind: 'expanding',
			name,
			signature: `${name.toUpperCase()}(${written.join(', ')}): Vensim's RANDOM ${distribution.toUpperCase()}, truncated to [min, max]`,
			minArgs: written.length,
			maxArgs: written.length,
			expand: (args, ctx) => {
				const [min, max, ...rest] = args;
				const params = rest.slice(0, parameters.length);
				const [shift, stretch]: IR[] = shifted
					? rest.slice(parameters.length)
					: [
							{ k: 'num', v: 0 },
							{ k: 'num', v: 1 }
						];
				const padded = [0, 1, 2].map((i): IR => params[i] ?? { k: 'num', v: 0 });
				return {
					k: 'rt',
					op: 'vensimRandom',
					slot: ctx.randomSlot(1),
					args: [{ k: 'num', v: code }, min, max, shift, stretch, ...padded]
				};
			}
		};
	});
}
