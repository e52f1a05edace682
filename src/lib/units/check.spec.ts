import { describe, expect, it } from 'vitest';
import { idFromName } from '../model/names';
import type { Model, UnitDefinition, Variable } from '../model/types';
import { checkUnits } from './check';

const stock = (
	name: string,
	units: string | undefined,
	initial: string,
	inflows: string[] = [],
	outflows: string[] = []
): Variable => ({
	id: idFromName(name),
	kind: 'stock',
	name,
	units,
	initial,
	inflows: inflows.map(idFromName),
	outflows: outflows.map(idFromName)
});
const flow = (name: string, units: string | undefined, equation: string): Variable => ({
	id: idFromName(name),
	kind: 'flow',
	name,
	units,
	equation
});
const aux = (name: string, units: string | undefined, equation: string): Variable => ({
	id: idFromName(name),
	kind: 'aux',
	name,
	units,
	equation
});

function model(
	variables: Variable[],
	{ timeUnits = 'Days', units }: { timeUnits?: string; units?: UnitDefinition[] } = {}
): Model {
	return {
		simSpecs: { start: 0, stop: 100, dt: 0.25, method: 'euler', timeUnits },
		variables,
		...(units && { units })
	};
}

/** "variable: message" for each warning, which is what a modeller reads. */
// Positions travel in start/end; the helper writes them as the CLI user reads them.
const check = (m: Model) =>
	checkUnits(m).map(
		(d) =>
			`${d.variable}: ${d.message}${d.start !== undefined ? ` at character ${d.start + 1}` : ''}`
	);

/** A small hospital written as a Stella modeller would: Days, plural time units, bed = patient. */
function hospital(replace: Record<string, string> = {}): Model {
	const eq = (name: string, equation: string) => replace[name] ?? equation;
	return model(
		[
			stock(
				'Patients',
				'patient',
				eq('Patients', 'Beds * Initial_Occupancy'),
				['Admissions'],
				['Discharges']
			),
			flow(
				'Admissions',
				'patient/Day',
				eq('Admissions', 'MIN(Referrals, MAX(0, Beds - Patients) / Bed_Fill_Time + Discharges)')
			),
			flow('Discharges', 'patients/Days', eq('Discharges', 'Patients / Average_Stay')),
			aux('Referrals', 'patient/Day', eq('Referrals', '40 + STEP(Winter_Surge, 120)')),
			aux('Winter Surge', 'patient/Day', '8'),
			aux('Beds', 'beds', '230'),
			aux('Initial Occupancy', '1', '0.85'),
			aux('Bed Fill Time', 'Days', '0.5'),
			aux('Average Stay', 'Days', '5'),
			aux('Occupancy', 'dimensionless', eq('Occupancy', 'Patients / Beds')),
			aux('Spare Fraction', '1', eq('Spare Fraction', '1 - Occupancy')),
			aux('Cost per Bed Day', 'GBP/bed/Day', '300'),
			aux('Daily Cost', 'GBP/Day', eq('Daily Cost', 'Beds * Cost_per_Bed_Day')),
			aux('Days per Year', 'Days/year', '365'),
			aux('Annual Cost', 'GBP/year', eq('Annual Cost', 'Daily_Cost * Days_per_Year')),
			aux(
				'Smoothed Occupancy',
				'1',
				eq('Smoothed Occupancy', 'SMTH1(Occupancy, Average_Stay, Initial_Occupancy)')
			)
		],
		{
			units: [
				{ name: 'bed', equation: 'patient', aliases: ['beds'] },
				{ name: 'patient', aliases: ['patients'] }
			]
		}
	);
}

describe('checkUnits on a Stella-style model written by hand', () => {
	it('finds nothing wrong with the correct model', () => {
		expect(check(hospital())).toEqual([]);
	});

	it('finds exactly the deliberate error, naming the variable, the found and the declared units', () => {
		expect(check(hospital({ Discharges: 'Patients * Average_Stay' }))).toEqual([
			'Discharges: units: the equation gives patient*Days but "Discharges" is declared as patients/Days'
		]);
		expect(checkUnits(hospital({ Discharges: 'Patients * Average_Stay' }))[0]).toEqual({
			severity: 'warning',
			variable: 'Discharges',
			message:
				'units: the equation gives patient*Days but "Discharges" is declared as patients/Days'
		});
	});

	it('names the operator where units that cannot be added meet', () => {
		const warnings = checkUnits(hospital({ Referrals: 'Patients + Winter_Surge' }));
		expect(warnings).toEqual([
			{
				severity: 'warning',
				variable: 'Referrals',
				message: 'units: cannot add patient and patient/Day',
				start: 9,
				end: 10
			}
		]);
	});

	it('checks a stock’s initial value against the stock', () => {
		expect(check(hospital({ Patients: 'Beds * Average_Stay' }))).toEqual([
			'Patients: units: the initial value gives beds*Days but "Patients" is declared as patient'
		]);
	});
});

describe('flows and stocks', () => {
	const clinic = (admissionUnits: string, timeUnits = 'Days') =>
		model(
			[
				stock('Patients', 'patient', '100', ['Admissions']),
				flow('Admissions', admissionUnits, '40')
			],
			{ timeUnits }
		);

	it('wants a flow in its stock’s units per time unit', () => {
		expect(check(clinic('patient/Day'))).toEqual([]);
		expect(check(clinic('patient'))).toEqual([
			'Admissions: units: "Admissions" flows into "Patients" (patient), so it should be patient/Days but is declared as patient'
		]);
	});

	it('uses the time unit of the sim specs', () => {
		expect(check(clinic('patient/week', 'Weeks'))).toEqual([]);
		expect(check(clinic('patient/day', 'Weeks'))).toEqual([
			'Admissions: units: "Admissions" flows into "Patients" (patient), so it should be patient/Weeks but is declared as patient/day'
		]);
	});

	it('checks outflows too, and a transfer between two stocks once', () => {
		const m = model([
			stock('Waiting', 'patient', '10', [], ['Transfers']),
			stock('Treated', 'patient', '0', ['Transfers']),
			flow('Transfers', 'patient/year', '5')
		]);
		expect(check(m)).toEqual([
			'Transfers: units: "Transfers" flows out of "Waiting" (patient), so it should be patient/Days but is declared as patient/year'
		]);
	});

	it('takes an accounting stock of patient*day filled by patients', () => {
		const m = model(
			[
				stock('Bed Days', 'patient*day', '0', ['Occupied']),
				flow('Occupied', 'patient', 'Waiting'),
				aux('Waiting', 'patient', '12')
			],
			{
				timeUnits: 'day'
			}
		);
		expect(check(m)).toEqual([]);
	});

	it('says nothing about flows when the model has no time unit', () => {
		const m = model([
			stock('Patients', 'patient', '100', ['Admissions']),
			flow('Admissions', 'patient', '40')
		]);
		m.simSpecs.timeUnits = undefined;
		expect(check(m)).toEqual([]);
	});
});

describe('aliases declared by the model', () => {
	const ward = (units?: UnitDefinition[]) =>
		model(
			[
				aux('Beds', 'bed', '230'),
				aux('Patients', 'patient', '200'),
				aux('Free Beds', 'bed', 'MAX(0, Beds - Patients)')
			],
			{ units }
		);

	it('with bed = patient, beds − patients is fine', () => {
		expect(check(ward([{ name: 'bed', equation: 'patient' }]))).toEqual([]);
	});

	it('without it, bed and patient cannot be subtracted', () => {
		expect(check(ward())).toEqual([
			'Free Beds: units: cannot subtract patient from bed at character 13'
		]);
	});
});

describe('conversions', () => {
	const staff = (leavers: string) =>
		model(
			[
				stock('Staff', 'FTE', '1000', [], ['Leavers']),
				flow('Leavers', 'FTE/day', leavers),
				aux('Leave Rate', '1/year', '0.1'),
				aux('days per year', 'day/year', '365')
			],
			{ timeUnits: 'day' }
		);

	it('a per-year rate divided by days_per_year [day/year] checks clean in a daily model', () => {
		expect(check(staff('Staff * Leave_Rate / days_per_year'))).toEqual([]);
	});

	it('without the conversion the flow is per year', () => {
		expect(check(staff('Staff * Leave_Rate'))).toEqual([
			'Leavers: units: the equation gives FTE/year but "Leavers" is declared as FTE/day'
		]);
	});

	it('growth over TIME in days needs the conversion inside EXP', () => {
		const growth = (equation: string) =>
			model(
				[
					aux('Growth', '1/year', '0.02'),
					aux('days per year', 'day/year', '365'),
					aux('Multiplier', '1', equation)
				],
				{ timeUnits: 'day' }
			);
		expect(check(growth('EXP(Growth * TIME / days_per_year)'))).toEqual([]);
		expect(check(growth('EXP(Growth * TIME)'))).toEqual([
			'Multiplier: units: EXP needs a dimensionless argument, not day/year at character 5'
		]);
	});
});

describe('numbers in equations', () => {
	const with_ = (equation: string, units = 'patient') =>
		check(
			model([
				aux('Patients', 'patient', '10'),
				aux('Fraction', '1', '0.5'),
				aux('Stay', 'Days', '4'),
				aux('X', units, equation)
			])
		);

	it.each([
		['5'],
		['2 * 3 + 1'],
		['MAX(0, Patients)'],
		['MIN(Patients, 100)'],
		['Patients * (1 - Fraction)'],
		['Patients * 2'],
		['Patients + 1'],
		['IF Patients > 0 THEN Patients ELSE 0'],
		['IF_THEN_ELSE(TIME > 10, 0, Patients)'],
		['-Patients'],
		['Patients * Fraction ^ 2'],
		['SQRT(Patients ^ 2)'],
		['ABS(Patients - 3)'],
		['Patients MOD 7']
	])('%s gives patient', (equation) => {
		expect(with_(equation)).toEqual([]);
	});

	it('a number is dimensionless where it multiplies', () => {
		expect(with_('Patients * 7', 'patient/Days')).toEqual([
			'X: units: the equation gives patient but "X" is declared as patient/Days'
		]);
	});

	it('a power of a quantity must be a number written in the equation', () => {
		expect(with_('Patients ^ 2', 'patient^2')).toEqual([]);
		expect(with_('Patients ^ -1', '1/patient')).toEqual([]);
		expect(with_('Patients ^ Fraction')).toEqual([
			'X: units: patient can only be raised to a number written in the equation at character 10'
		]);
		expect(with_('Fraction ^ Stay', '1')).toEqual([
			'X: units: the power after ^ must be dimensionless, not Days at character 10'
		]);
	});

	it('the branches of an IF and the arguments of MIN must agree', () => {
		expect(with_('IF TIME > 5 THEN Patients ELSE Stay')).toEqual([
			'X: units: the THEN branch gives patient but the ELSE branch gives Days at character 32'
		]);
		expect(with_('MIN(Patients, Stay)')).toEqual([
			'X: units: MIN needs arguments in the same units, not patient and Days at character 15'
		]);
		expect(with_('IF Patients > Stay THEN 1 ELSE 0', '1')).toEqual([
			'X: units: cannot compare patient with Days at character 13'
		]);
	});
});

describe('builtins', () => {
	const with_ = (equation: string, units: string) =>
		check(
			model(
				[
					aux('Patients', 'patient', '10'),
					aux('Arrivals', 'patient/Days', '10'),
					aux('Stay', 'Days', '4'),
					aux('Fraction', '1', '0.5'),
					{
						id: 'effect',
						kind: 'gf',
						name: 'Effect',
						units: 'patient',
						graphical: { type: 'continuous', xs: [0, 1], ys: [0, 1] }
					},
					aux('X', units, equation)
				],
				{ timeUnits: 'Days' }
			)
		);

	it.each([
		['STEP(Patients, 10)', 'patient'],
		['STEP(Patients, Stay)', 'patient'],
		['RAMP(Arrivals, 10)', 'patient'],
		['RAMP(Arrivals, 10, Stay)', 'patient'],
		['PULSE(Patients, 10, Stay)', 'patient/Days'],
		['SMTH1(Patients, Stay)', 'patient'],
		['SMOOTH(Patients, Stay, 0)', 'patient'],
		['SMTH3(Patients, Stay, Patients)', 'patient'],
		['SMTHN(Patients, Stay, 4)', 'patient'],
		['DELAY1(Arrivals, Stay)', 'patient/Days'],
		['DELAY3(Arrivals, Stay, Arrivals)', 'patient/Days'],
		['DELAYN(Arrivals, Stay, 3, 0)', 'patient/Days'],
		['DELAY(Arrivals, Stay)', 'patient/Days'],
		['TREND(Patients, Stay)', '1/Days'],
		['FORCST(Patients, Stay, Stay)', 'patient'],
		['INIT(Patients)', 'patient'],
		['PREVIOUS(Patients, 0)', 'patient'],
		['TIME', 'Days'],
		['DT + STARTTIME + STOPTIME', 'Days'],
		['SAFEDIV(Patients, Stay)', 'patient/Days'],
		['SAFEDIV(Patients, Stay, Arrivals)', 'patient/Days'],
		['LOOKUP(Effect, Fraction)', 'patient'],
		['Effect(TIME)', 'patient'],
		['EXP(Fraction) + LN(2) + SIN(PI)', '1'],
		['SQRT(Patients * Patients)', 'patient'],
		['INT(Patients) + ROUND(Patients)', 'patient'],
		['RANDOM(0, Patients)', 'patient'],
		['NORMAL(Patients, 1)', 'patient']
	])('%s gives %s', (equation, units) => {
		expect(with_(equation, units)).toEqual([]);
	});

	it.each([
		[
			'STEP(Patients, Patients)',
			'patient',
			'the time of STEP should be Days but is patient at character 16'
		],
		[
			'SMTH1(Patients, Patients)',
			'patient',
			'the averaging time of SMTH1 should be Days but is patient at character 17'
		],
		[
			'DELAY1(Arrivals, Fraction)',
			'patient/Days',
			'the delay time of DELAY1 should be Days but is dimensionless at character 18'
		],
		[
			'DELAY1(Arrivals, Stay, Patients)',
			'patient/Days',
			'the initial value of DELAY1 should be patient/Days but is patient at character 24'
		],
		[
			'PREVIOUS(Patients, Stay)',
			'patient',
			'the initial value of PREVIOUS should be patient but is Days at character 20'
		],
		['EXP(Patients)', '1', 'EXP needs a dimensionless argument, not patient at character 5'],
		[
			'SAFEDIV(Patients, Stay, Patients)',
			'patient/Days',
			'the value when dividing by zero of SAFEDIV should be patient/Days but is patient at character 25'
		],
		[
			'TREND(Patients, Stay, Fraction)',
			'1/Days',
			'the initial trend of TREND should be 1/Days but is dimensionless at character 23'
		]
	])('%s warns', (equation, units, message) => {
		expect(with_(equation, units)).toEqual([`X: units: ${message}`]);
	});

	it('RAMP gives slope × time and PULSE volume ÷ time', () => {
		expect(with_('RAMP(Arrivals, 10)', 'patient/Days')).toEqual([
			'X: units: the equation gives patient but "X" is declared as patient/Days'
		]);
		expect(with_('PULSE(Patients, 10)', 'patient')).toEqual([
			'X: units: the equation gives patient/Days but "X" is declared as patient'
		]);
	});

	it('a graphical function gives its declared units whatever its input', () => {
		expect(with_('LOOKUP(Effect, Stay)', 'patient')).toEqual([]);
		expect(with_('Effect(Stay)', 'Days')).toEqual([
			'X: units: the equation gives patient but "X" is declared as Days'
		]);
	});
});

describe('what is not checked', () => {
	it('a variable with no declared units, and whatever uses it', () => {
		const m = model([
			aux('Patients', 'patient', '10'),
			aux('Mystery', undefined, 'Patients * 3 / 7'),
			aux('Result', 'bed/Days', 'Mystery + Patients * Mystery')
		]);
		expect(check(m)).toEqual([]);
	});

	it('but a disagreement between declared inputs still shows in an undeclared variable', () => {
		const m = model([
			aux('Patients', 'patient', '10'),
			aux('Stay', 'Days', '4'),
			aux('Mystery', undefined, 'Patients + Stay')
		]);
		expect(check(m)).toEqual(['Mystery: units: cannot add patient and Days at character 10']);
	});

	it('the equation of a variable with a graphical function (it is the input)', () => {
		const m = model([
			aux('Stay', 'Days', '4'),
			{
				id: 'x',
				kind: 'aux',
				name: 'X',
				units: 'patient',
				equation: 'Stay',
				graphical: { type: 'continuous', xs: [0, 1], ys: [0, 1] }
			},
			aux('Y', 'patient', 'X * 2')
		]);
		expect(check(m)).toEqual([]);
	});

	it('equations that do not parse (the compiler reports them)', () => {
		expect(check(model([aux('X', 'patient', '3 +')]))).toEqual([]);
	});
});

describe('units that cannot be read', () => {
	it('are a warning naming the variable, and are not checked further', () => {
		const m = model([aux('Patients', 'patient//day', '10'), aux('Y', 'patient', 'Patients')]);
		expect(check(m)).toEqual([
			'Patients: units: cannot read the units of "Patients" "patient//day": "/" where a unit name was expected'
		]);
	});

	it('the time unit too', () => {
		const m = model(
			[stock('Patients', 'patient', '100', ['Admissions']), flow('Admissions', 'patient', '40')],
			{ timeUnits: '(day' }
		);
		expect(checkUnits(m).map((d) => d.message)).toEqual([
			'units: cannot read the time unit "(day": a "(" is not closed'
		]);
	});
});

describe('models the checker must survive', () => {
	it('a sum of 20,000 terms', () => {
		const terms = Array.from({ length: 20000 }, () => 'Patients').join(' + ');
		const m = model([
			aux('Patients', 'patient', '1'),
			aux('Stay', 'Days', '1'),
			aux('Total', 'patient', terms),
			aux('Wrong', 'patient', `${terms} + Stay`)
		]);
		expect(check(m)).toEqual([
			`Wrong: units: cannot add patient and Days at character ${terms.length + 2}`
		]);
	});

	it('fields of the wrong type', () => {
		const m = {
			simSpecs: { start: 0, stop: 1, dt: 1, method: 'euler', timeUnits: 42 },
			variables: [
				{ id: 's', kind: 'stock', name: 'S', units: 7, initial: 3, inflows: 'f', outflows: null },
				{ id: 'f', kind: 'flow', name: 'F', units: ['x'], equation: null },
				{
					id: 'g',
					kind: 'aux',
					name: 'G',
					units: 'patient',
					equation: 5,
					graphical: { type: 'continuous', xs: [0], ys: [0] }
				},
				null,
				{ kind: 'aux', units: 'patient' }
			],
			units: [{ name: 3 }, null, { name: 'bed', equation: 4, aliases: 'beds' }]
		} as unknown as Model;
		expect(checkUnits(m)).toEqual([]);
	});
});

describe('arrays', () => {
	const arrayed = (extra: Variable[] = []): Model => ({
		...model(
			[
				{ ...stock('Patients', 'patient', 'Beds * 0.8', ['Admissions']), dimensions: ['Region'] },
				{ ...flow('Admissions', 'patient/Day', 'Referrals[Region] * 2'), dimensions: ['Region'] },
				{
					...aux('Referrals', 'patient/Day', ''),
					dimensions: ['Region'],
					elements: [
						{ subscript: ['North'], equation: '4' },
						{ subscript: ['South'], equation: 'Beds[South] / Average_Stay' }
					]
				},
				{ ...aux('Beds', 'beds', '100'), dimensions: ['Region'] },
				aux('Average Stay', 'Days', '5'),
				aux('Total Patients', 'patient', 'SUM(Patients[*])'),
				...extra
			],
			{ units: [{ name: 'bed', equation: 'patient', aliases: ['beds'] }] }
		),
		dimensions: [{ name: 'Region', elements: ['North', 'South'] }]
	});

	it('gives an element the units of its array, through subscripts and array functions', () => {
		expect(check(arrayed())).toEqual([]);
	});

	it('checks each element’s own equation, saying which element', () => {
		const m = arrayed();
		(m.variables[2].elements![1] as { equation: string }).equation = 'Beds[South] * Average_Stay';
		expect(check(m)).toEqual([
			'Referrals: units: [South] the equation gives beds*Days but "Referrals" is declared as patient/Day'
		]);
	});

	it('finds a sum in the wrong units', () => {
		expect(check(arrayed([aux('Total Beds', 'patient/Day', 'SUM(Beds[*])')]))).toEqual([
			'Total Beds: units: the equation gives beds but "Total Beds" is declared as patient/Day'
		]);
	});
});
