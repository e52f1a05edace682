/**
 * A document's data series (FlowbookDocument.data): each with an id and a name, as many times as
 * values, the times increasing. A link to a variable the model lacks is a warning: the series
 * still shows, it only cannot be drawn beside a line or fitted.
 */
import { at, Checks, isObject, ROOT, shown, type Json, type Place } from './field-checks';
import { canonicalName } from './names';

export function checkData(
	doc: Json,
	hasVariable: ((name: string) => boolean) | undefined,
	checks: Checks
): void {
	const place = at(ROOT, 'data');
	const list = checks.list(doc.data, place, true);
	if (!list) return;
	const ids = new Set<string>();
	const names = new Set<string>();
	list.forEach((item, i) => {
		const here = at(place, i, isObject(item) ? item.name : undefined);
		const series = checks.object(item, here);
		if (!series) return;
		const id = checks.text(series, 'id', here, { nonEmpty: true });
		const name = checks.text(series, 'name', here, { nonEmpty: true });
		if (id !== undefined) {
			if (ids.has(id))
				checks.error(at(here, 'id'), `${at(here, 'id').label}: the id ${shown(id)} is used twice`);
			ids.add(id);
		}
		if (name !== undefined) {
			const key = canonicalName(name);
			if (names.has(key))
				checks.error(
					at(here, 'name'),
					`${at(here, 'name').label}: two data series are named ${shown(name)}`
				);
			names.add(key);
		}
		const times = checks.numberList(series, 'times', here);
		const values = checks.numberList(series, 'values', here);
		if (times.length !== values.length)
			checks.error(here, `${here.label} has ${times.length} times but ${values.length} values`);
		const back = times.findIndex((t, k) => k > 0 && !(t > times[k - 1]));
		if (back > 0)
			checks.error(
				at(at(here, 'times'), back),
				`${at(at(here, 'times'), back).label}: times must increase (${times[back]} follows ${times[back - 1]})`
			);
		const variable = checks.text(series, 'variable', here, { optional: true });
		if (variable !== undefined && hasVariable && !hasVariable(variable))
			checks.warning(
				at(here, 'variable'),
				`${at(here, 'variable').label}: the model has no variable ${shown(variable)}`
			);
		checks.oneOf(series, 'use', here, ['interpolate', 'hold'], true);
		checks.text(series, 'source', here, { optional: true });
	});
}

/** A calibration or optimisation cell: its constants with bounds, and what else each kind has. */
export function checkFitCell(
	cell: Json,
	here: Place,
	hasVariable: ((name: string) => boolean) | undefined,
	checks: Checks
): void {
	const key = cell.kind === 'calibration' ? 'parameters' : 'levers';
	const list = checks.list(cell[key], at(here, key)) ?? [];
	list.forEach((item, i) => {
		const place = at(at(here, key), i);
		const bound = checks.object(item, place);
		if (!bound) return;
		const variable = checks.text(bound, 'variable', place, { nonEmpty: true });
		const min = checks.number(bound, 'min', place);
		const max = checks.number(bound, 'max', place);
		if (min !== undefined && max !== undefined && !(min < max))
			checks.error(place, `${place.label}: min ${min} must be below max ${max}`);
		if (variable !== undefined && hasVariable && !hasVariable(variable))
			checks.warning(
				at(place, 'variable'),
				`${at(place, 'variable').label}: the model has no variable ${shown(variable)}`
			);
	});
	if (cell.kind === 'calibration') {
		checks.oneOf(cell, 'payoff', here, ['least-squares', 'gaussian', 'poisson'], true);
		const series = checks.list(cell.series, at(here, 'series'), true) ?? [];
		series.forEach((item, i) => {
			const place = at(at(here, 'series'), i);
			const entry = checks.object(item, place);
			if (!entry) return;
			checks.text(entry, 'series', place, { nonEmpty: true });
			const weight = checks.number(entry, 'weight', place, true);
			if (weight !== undefined && weight < 0)
				checks.error(
					at(place, 'weight'),
					`${at(place, 'weight').label} must be 0 or more (it is ${weight})`
				);
		});
	} else {
		checks.text(cell, 'objective', here);
		checks.text(cell, 'scenario', here, { optional: true });
		if (cell.robust !== undefined) {
			const robust = checks.object(cell.robust, at(here, 'robust'));
			if (robust) {
				checks.text(robust, 'sensitivity', at(here, 'robust'), { nonEmpty: true });
				const runs = checks.number(robust, 'runs', at(here, 'robust'), true);
				if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1 && runs <= 1000))
					checks.error(
						at(at(here, 'robust'), 'runs'),
						`${at(at(here, 'robust'), 'runs').label} must be a whole number from 1 to 1,000 (it is ${runs})`
					);
			}
		}
		checks.number(cell, 'budget', here, true);
		checks.numberList(cell, 'frontier', here, true);
	}
}
