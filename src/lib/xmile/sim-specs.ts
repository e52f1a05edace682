/**
 * `<sim_specs>`: start, stop, dt, method, time units, save interval and seed.
 *
 * XMILE 1.0 §2.3 requires <start> and <stop>; <dt> defaults to 1 and method to euler. A model
 * section may repeat <sim_specs> to override the file's, so later blocks win field by field.
 */
import { isIsoDate } from '../model/calendar';
import type { IntegrationMethod, SimSpecs } from '../model/types';
import { parseNumber } from './numbers';
import type { Report } from './report';
import { child, type XmlElement } from './xml-tree';

/** Used when a required value is missing; the spec gives none, so we follow Simlin's 0..10. */
const FALLBACK = { start: 0, stop: 10, dt: 1 };

const METHODS: Record<string, IntegrationMethod> = { euler: 'euler', rk2: 'rk2', rk4: 'rk4' };

/**
 * Save interval: Stella writes the isee:save_interval attribute. XMILE 1.0 defines no save
 * interval; <savestep>/<save_step> elements are accepted in case a tool writes them.
 */
const SAVE_ATTRIBUTES = ['isee:save_interval', 'save_interval'];
const SAVE_ELEMENTS = ['savestep', 'save_step'];

/**
 * Not in XMILE 1.0 either (random builtins take a seed argument); read if a tool writes one.
 * Flowbook writes its own flowbook:seed (write.ts).
 */
const SEED_ATTRIBUTES = ['seed', 'flowbook:seed', 'isee:seed', 'random_seed', 'isee:random_seed'];

/** Merge the file's <sim_specs> and then the model's (either may be missing). */
export function readSimSpecs(blocks: XmlElement[], report: Report): SimSpecs {
	if (blocks.length === 0) {
		report.warning(
			`The file has no <sim_specs>; using start ${FALLBACK.start}, stop ${FALLBACK.stop} and dt ${FALLBACK.dt}`
		);
	}
	let start: number | undefined;
	let stop: number | undefined;
	let dt: number | undefined;
	let saveStep: number | undefined;
	let seed: number | undefined;
	let method: IntegrationMethod | undefined;
	let timeUnits: string | undefined;
	let startDate: string | undefined;

	for (const specs of blocks) {
		start = numberElement(specs, 'start', report) ?? start;
		stop = numberElement(specs, 'stop', report) ?? stop;
		dt = readDt(specs, report) ?? dt;
		saveStep = readSaveStep(specs, report) ?? saveStep;
		seed = numberAttribute(specs, SEED_ATTRIBUTES, report) ?? seed;
		method = readMethod(specs, report) ?? method;
		timeUnits = specs.attributes.time_units?.trim() || timeUnits;
		startDate = readStartDate(specs, report) ?? startDate;
	}

	const at = blocks[blocks.length - 1];
	if (at && start === undefined) {
		report.warning(`<sim_specs> has no <start>; using ${FALLBACK.start}`, at);
	}
	if (at && stop === undefined) {
		report.warning(`<sim_specs> has no <stop>; using ${FALLBACK.stop}`, at);
	}
	const result: SimSpecs = {
		start: start ?? FALLBACK.start,
		stop: stop ?? FALLBACK.stop,
		dt: dt ?? FALLBACK.dt,
		method: method ?? 'euler'
	};
	if (result.stop < result.start) {
		report.error(`The stop time ${result.stop} is before the start time ${result.start}`, at);
	}
	if (saveStep !== undefined) {
		result.saveStep = saveStep;
		const steps = saveStep / result.dt;
		if (Math.abs(steps - Math.round(steps)) > 1e-9 * steps || steps < 1 - 1e-9) {
			report.warning(
				`The save interval ${saveStep} is not a whole multiple of dt ${result.dt}`,
				at
			);
		}
	}
	if (timeUnits) result.timeUnits = timeUnits;
	if (seed !== undefined) result.seed = seed;
	if (startDate !== undefined) result.startDate = startDate;
	return result;
}

/** Flowbook's own flowbook:start_date (XMILE has no calendar): the day the start time falls on. */
function readStartDate(specs: XmlElement, report: Report): string | undefined {
	const text = specs.attributes['flowbook:start_date']?.trim();
	if (!text) return undefined;
	if (isIsoDate(text)) return text;
	report.warning(
		`The flowbook:start_date of <sim_specs> is not a date written year-month-day: "${text}"; the model has no start date`,
		specs
	);
	return undefined;
}

function numberElement(specs: XmlElement, name: string, report: Report): number | undefined {
	const element = child(specs, name);
	if (!element) return undefined;
	const value = parseNumber(element.text);
	if (value === undefined) {
		report.error(`<${name}> in <sim_specs> is not a number: "${element.text.trim()}"`, element);
	}
	return value;
}

function numberAttribute(specs: XmlElement, names: string[], report: Report): number | undefined {
	for (const name of names) {
		const text = specs.attributes[name];
		if (text === undefined) continue;
		const value = parseNumber(text);
		if (value === undefined) {
			report.error(`The ${name} attribute of <sim_specs> is not a number: "${text}"`, specs);
		}
		return value;
	}
	return undefined;
}

/** `<dt reciprocal="true">8</dt>` means dt = 1/8. */
function readDt(specs: XmlElement, report: Report): number | undefined {
	const element = child(specs, 'dt');
	const value = element && numberElement(specs, 'dt', report);
	if (!element || value === undefined) return undefined;
	const reciprocal = element.attributes.reciprocal?.trim().toLowerCase() === 'true';
	const dt = reciprocal ? 1 / value : value;
	if (!(dt > 0) || !Number.isFinite(dt)) {
		report.error(`<dt> must be a positive number, not "${element.text.trim()}"`, element);
		return undefined;
	}
	return dt;
}

function readSaveStep(specs: XmlElement, report: Report): number | undefined {
	let value = numberAttribute(specs, SAVE_ATTRIBUTES, report);
	for (const name of SAVE_ELEMENTS) {
		if (value === undefined && child(specs, name)) value = numberElement(specs, name, report);
	}
	if (value !== undefined && !(value > 0)) {
		report.error(`The save interval must be positive, not ${value}`, specs);
		return undefined;
	}
	return value;
}

/**
 * The method attribute may list fallbacks ("rk45, rk4"): the first we support wins. Methods we
 * do not have (rk45, gear) are higher-order or adaptive, so rk4 is the closest stand-in.
 */
function readMethod(specs: XmlElement, report: Report): IntegrationMethod | undefined {
	const text = specs.attributes.method;
	if (text === undefined || !text.trim()) return undefined;
	const names = text.split(',').map((m) => m.trim().toLowerCase());
	const known = names.find((m) => m in METHODS);
	if (known) return METHODS[known];
	report.warning(`Integration method "${text.trim()}" is not supported; using RK4`, specs);
	return 'rk4';
}
