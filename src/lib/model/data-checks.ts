/**
 * A document's data series (FlowbookDocument.data): each with an id and a name, as many times as
 * values, the times increasing. A link to a variable the model lacks is a warning: the series
 * still shows, it only cannot be drawn beside a line or fitted.
 */
import { at, Checks, isObject, ROOT, shown, type Json } from './field-checks';
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
