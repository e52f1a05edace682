import type { PureBuiltin } from './types';

// Time in a run is start + n·DT, so comparisons allow a sliver of rounding error.
const slack = (dt: number) => dt * 1e-6;

/** STEP(height, time): 0 before `time`, then `height` (XMILE: from time ≥ step time). */
export function step(t: number, dt: number, height: number, at: number): number {
	return t + slack(dt) >= at ? height : 0;
}

/** RAMP(slope, start [, end]): 0 before start, rising by slope per time unit, flat after end. */
export function ramp(t: number, dt: number, slope: number, from: number, to = Infinity): number {
	if (t + slack(dt) < from) return 0;
	return slope * (Math.min(t, to) - from);
}

/**
 * PULSE(volume, first [, interval]): delivers `volume` over one DT (value volume/DT) at `first`
 * and then every `interval`; no interval, or 0, means a single pulse (XMILE 3.5.4). A pulse time
 * between steps is delivered in the first step on or after it. PULSE reads the time at the start
 * of the step (see timeArgs), so under RK2 and RK4 every stage sees the same pulse and the whole
 * volume arrives.
 */
export function pulse(t: number, dt: number, volume: number, first: number, interval = 0): number {
	const since = t - first + slack(dt);
	if (since < 0) return 0;
	// The latest pulse time at or before t; it is delivered in the first step that reaches it.
	const sinceLatest = interval > 0 ? since - interval * Math.floor(since / interval) : since;
	return sinceLatest < dt ? volume / dt : 0;
}

export const inputBuiltins: PureBuiltin[] = [
	{
		kind: 'pure',
		name: 'step',
		signature: 'STEP(height, time): 0 until time, then height',
		minArgs: 2,
		maxArgs: 2,
		evaluate: step,
		timeArgs: true
	},
	{
		kind: 'pure',
		name: 'ramp',
		signature: 'RAMP(slope, start [, end]): rises by slope per time unit from start until end',
		minArgs: 2,
		maxArgs: 3,
		evaluate: ramp,
		timeArgs: true
	},
	{
		kind: 'pure',
		name: 'pulse',
		signature:
			'PULSE(volume, first [, interval]): adds volume in one DT at first, then every interval',
		minArgs: 2,
		maxArgs: 3,
		evaluate: pulse,
		timeArgs: 'step'
	}
];
