/**
 * Unit checking of models read from XMILE, as Stella writes them: <model_units> with aliases,
 * time units in the sim specs, units on every variable.
 */
import { describe, expect, it } from 'vitest';
import { readXmile } from '../xmile/read';
import { checkUnits } from './check';

function stellaFile({
	dischargeUnits = 'patients/Days',
	occupancy = 'Patients / Beds'
} = {}): string {
	return `<?xml version="1.0" encoding="utf-8"?>
<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0" xmlns:isee="http://iseesystems.com/XMILE">
	<header><name>Ward</name><vendor>isee systems, inc.</vendor></header>
	<sim_specs method="Euler" time_units="Days"><start>0</start><stop>100</stop><dt>0.25</dt></sim_specs>
	<model_units>
		<unit name="patient"><eqn/><alias>patients</alias></unit>
		<unit name="bed"><eqn>patient</eqn><alias>beds</alias></unit>
		<unit name="Days"><alias>day</alias><alias>days</alias></unit>
	</model_units>
	<model>
		<variables>
			<stock name="Patients">
				<eqn>Beds * Initial_Occupancy</eqn>
				<inflow>Admissions</inflow>
				<outflow>Discharges</outflow>
				<non_negative/>
				<units>patients</units>
			</stock>
			<flow name="Admissions">
				<eqn>MIN(Referrals, MAX(0, Beds - Patients) / Bed_Fill_Time + Discharges)</eqn>
				<non_negative/>
				<units>patients/day</units>
			</flow>
			<flow name="Discharges">
				<eqn>Patients / Average_Stay</eqn>
				<non_negative/>
				<units>${dischargeUnits}</units>
			</flow>
			<aux name="Referrals"><eqn>40 + STEP(Winter_Surge, 120)</eqn><units>patients/day</units></aux>
			<aux name="Winter Surge"><eqn>8</eqn><units>patients/day</units></aux>
			<aux name="Beds"><eqn>230</eqn><units>beds</units></aux>
			<aux name="Initial Occupancy"><eqn>0.85</eqn><units>dimensionless</units></aux>
			<aux name="Bed Fill Time"><eqn>0.5</eqn><units>Days</units></aux>
			<aux name="Average Stay"><eqn>5</eqn><units>Days</units></aux>
			<aux name="Occupancy"><eqn>${occupancy}</eqn><units>dimensionless</units></aux>
			<aux name="Admission Effect">
				<eqn>Occupancy</eqn>
				<gf><xscale min="0" max="1"/><yscale min="0" max="1"/><ypts>1,1,0.5</ypts></gf>
				<units>dimensionless</units>
			</aux>
		</variables>
	</model>
</xmile>`;
}

describe('checkUnits on a model read from XMILE', () => {
	it('finds nothing wrong with the correct file', () => {
		const { model, diagnostics } = readXmile(stellaFile());
		expect(diagnostics).toEqual([]);
		expect(checkUnits(model)).toEqual([]);
	});

	it('finds a flow that is not its stock’s units per time unit, where it is declared and where it is used', () => {
		const { model } = readXmile(stellaFile({ dischargeUnits: 'patients' }));
		expect(
			checkUnits(model).map(
				(d) =>
					`${d.variable}: ${d.message}${d.start !== undefined ? ` at character ${d.start + 1}` : ''}`
			)
		).toEqual([
			'Admissions: units: cannot add beds/Days and patients at character 56',
			'Discharges: units: the equation gives patients/Days but "Discharges" is declared as patients',
			'Discharges: units: "Discharges" flows out of "Patients" (patients), so it should be patients/Days but is declared as patients'
		]);
	});

	it('finds an equation that adds what cannot be added', () => {
		const { model } = readXmile(stellaFile({ occupancy: 'Patients / Beds + Average_Stay' }));
		expect(checkUnits(model)).toEqual([
			{
				severity: 'warning',
				variable: 'Occupancy',
				message: 'units: cannot add dimensionless and Days',
				start: 16,
				end: 17
			}
		]);
	});
});
