/**
 * Conveyors, queues and leaks in XMILE (1.0 §4.2.1, §4.2.2, §4.3), read and written:
 *
 *   <stock name="training"><eqn>30</eqn><inflow>recruits</inflow><outflow>qualified</outflow>
 *     <outflow>drop_outs</outflow>
 *     <conveyor exponential_leak="false"><len>3</len><capacity>40</capacity></conveyor></stock>
 *   <flow name="drop_outs" leak_start="0" leak_end="0.5"><eqn>0.1</eqn><leak/></flow>
 *
 * A leak's fraction is its <eqn> (as Stella writes it) or the text of <leak> (as the spec shows);
 * the zone is read from attributes or child elements. Ovens are refused, naming the stock.
 */
import type { Conveyor, Flow, Leak, Stock } from '../model/types';
import { parseNumber } from './numbers';
import type { Report } from './report';
import { child, childText, type XmlElement } from './xml-tree';
import { element, type XmlNode } from './xml-writer';

/** The stock's <conveyor>, <queue/> (and a refused oven), as fields of the stock. */
export function readStockKind(
	stock: XmlElement,
	name: string,
	report: Report
): Pick<Stock, 'conveyor' | 'queue'> {
	const oven = child(stock, 'oven') ?? child(stock, 'isee:oven');
	if (oven)
		report.error(
			`"${name}" is an oven: ovens are not supported yet (a conveyor or a queue may do what it does)`,
			oven,
			name
		);
	const queue = child(stock, 'queue');
	const conveyorElement = child(stock, 'conveyor');
	if (!conveyorElement) return queue ? { queue: true } : {};
	if (queue)
		report.error(`"${name}" is both a conveyor and a queue; it can be only one`, queue, name);
	const text = (tag: string) => childText(conveyorElement, tag)?.trim() || undefined;
	const flag = (attribute: string) => conveyorElement.attributes[attribute]?.trim() === 'true';
	const transitTime = text('len');
	if (!transitTime)
		report.error(`The conveyor "${name}" has no transit time (<len>)`, conveyorElement, name);
	const conveyor: Conveyor = { transitTime: transitTime ?? '' };
	const capacity = text('capacity');
	const inflowLimit = text('in_limit');
	const sample = text('sample');
	const arrest = text('arrest');
	if (capacity) conveyor.capacity = capacity;
	if (inflowLimit) conveyor.inflowLimit = inflowLimit;
	if (sample) conveyor.sample = sample;
	if (arrest) conveyor.arrest = arrest;
	if (flag('discrete')) conveyor.discrete = true;
	if (flag('exponential_leak')) conveyor.exponentialLeak = true;
	if (flag('batch_integrity')) conveyor.batchIntegrity = true;
	if (conveyorElement.attributes.one_at_a_time?.trim() === 'false') conveyor.oneAtATime = false;
	return { conveyor };
}

/**
 * A flow's <leak> (its zone and whole-units flag) and <overflow/>; the leak fraction, when
 * <leak> carries it rather than <eqn>, comes back as the equation to use.
 */
export function readFlowKind(
	flow: XmlElement,
	name: string,
	report: Report
): Pick<Flow, 'leak' | 'overflow'> & { fraction?: string } {
	const result: Pick<Flow, 'leak' | 'overflow'> & { fraction?: string } = {};
	if (child(flow, 'overflow')) result.overflow = true;
	const leakElement = child(flow, 'leak');
	if (!leakElement) return result;
	const leak: Leak = {};
	for (const [key, tag] of [
		['start', 'leak_start'],
		['end', 'leak_end']
	] as const) {
		const written = flow.attributes[tag] ?? childText(flow, tag);
		if (written === undefined || written.trim() === '') continue;
		const value = parseNumber(written);
		if (value === undefined || value < 0 || value > 1) {
			report.error(
				`The leak "${name}" has ${tag}="${written.trim()}": it must be a number from 0 to 1`,
				flow,
				name
			);
			continue;
		}
		leak[key] = value;
	}
	if (child(flow, 'leak_integers')) leak.integers = true;
	result.leak = leak;
	const fraction = leakElement.text.trim();
	if (fraction) result.fraction = fraction;
	return result;
}

/** <conveyor> or <queue/> for writing a stock. */
export function writeStockKind(stock: Stock): XmlNode | undefined {
	if (stock.queue && !stock.conveyor) return element('queue');
	const c = stock.conveyor;
	if (!c) return undefined;
	return element(
		'conveyor',
		{
			discrete: c.discrete ? 'true' : undefined,
			exponential_leak: c.exponentialLeak ? 'true' : undefined,
			batch_integrity: c.batchIntegrity ? 'true' : undefined,
			one_at_a_time: c.oneAtATime === false ? 'false' : undefined
		},
		element('len', {}, c.transitTime),
		c.capacity !== undefined && element('capacity', {}, c.capacity),
		c.inflowLimit !== undefined && element('in_limit', {}, c.inflowLimit),
		c.sample !== undefined && element('sample', {}, c.sample),
		c.arrest !== undefined && element('arrest', {}, c.arrest)
	);
}

/** A flow's leak zone attributes, for its start tag. */
export function leakAttributes(flow: Flow): Record<string, number | undefined> {
	return { leak_start: flow.leak?.start, leak_end: flow.leak?.end };
}

/** <leak/>, <leak_integers/> and <overflow/> for writing a flow. */
export function writeFlowKind(flow: Flow): XmlNode[] {
	return [
		...(flow.leak ? [element('leak')] : []),
		...(flow.leak?.integers ? [element('leak_integers')] : []),
		...(flow.overflow ? [element('overflow')] : [])
	];
}
