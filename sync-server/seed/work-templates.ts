import type { CategoryName } from './demo-reference';

type Fault = { title: string; description: string; resolution: string };

/** Typical reported faults per trade, with how an engineer would write up the fix. */
export const FAULTS: Record<CategoryName, readonly Fault[]> = {
  HVAC: [
    { title: 'No cooling in level 3 meeting rooms', description: 'Rooms 3.01–3.06 at 27 °C since this morning; the thermostat shows demand but no cold air.', resolution: 'Replaced failed actuator on the chilled-water valve; rooms back to 21 °C within 40 minutes.' },
    { title: 'Chiller tripping on high pressure', description: 'Chiller trips every 20–30 minutes with a high discharge pressure alarm.', resolution: 'Condenser coils heavily fouled; cleaned coils and reset. Ran 2 h without a trip.' },
    { title: 'AHU making loud rattling noise', description: 'Loud rattle from the air handling unit, audible in the corridor next to the plant room.', resolution: 'Loose fan belt guard and worn belt; replaced belt and re-tensioned.' },
    { title: 'Boiler lockout — no heating', description: 'Boiler showing lockout code; offices cold this morning.', resolution: 'Ignition electrode worn; replaced and reset lockout. Flue gas readings within limits.' },
  ],
  Electrical: [
    { title: 'UPS on bypass after power blip', description: 'UPS transferred to bypass during this morning\'s supply dip and did not return to inverter.', resolution: 'Failed battery string found on test; replaced 8 blocks and returned UPS to inverter mode.' },
    { title: 'Lighting out in car park level -1', description: 'Half of the lights on car park level -1 are off; safety concern for staff leaving late.', resolution: 'Tripped RCBO due to water ingress in a junction box; dried, resealed and reset.' },
    { title: 'Generator failed weekly test start', description: 'Standby generator did not start during the automatic weekly test.', resolution: 'Starter battery flat and charger fuse blown; replaced both, test start successful.' },
    { title: 'Burning smell from distribution board', description: 'Staff report a burning smell near the level 2 distribution board.', resolution: 'Overheated neutral termination; re-terminated and torqued, thermal scan normal.' },
  ],
  Plumbing: [
    { title: 'Leak under level 3 washroom basins', description: 'Water pooling under the basins in the level 3 washroom; area coned off.', resolution: 'Replaced perished flexible connector and isolation valve; no further leaks.' },
    { title: 'No hot water in kitchen', description: 'Kitchen hot water running cold since yesterday afternoon.', resolution: 'Thermostat on the water heater failed; replaced and verified 60 °C storage temperature.' },
    { title: 'Booster pump cycling constantly', description: 'Booster set starting and stopping every few seconds; upper floors have low pressure.', resolution: 'Pressure vessel pre-charge lost; recharged vessel to 3.5 bar and adjusted set point.' },
  ],
  'Fire safety': [
    { title: 'Fire panel showing fault on loop 2', description: 'Fire alarm panel reports an open-circuit fault on loop 2.', resolution: 'Damaged detector base in the level 4 riser; replaced base and detector, loop fault cleared.' },
    { title: 'Sprinkler valve pressure low', description: 'Weekly test recorded low pressure on the installation valve set.', resolution: 'Slow leak on the drain valve; repacked the gland and restored pressure.' },
    { title: 'Emergency lighting failed monthly test', description: 'Six fittings on level 1 failed the monthly function test.', resolution: 'Replaced six battery packs; all fittings passed a 3-hour duration test.' },
  ],
  Lifts: [
    { title: 'Lift stuck between floors', description: 'Passenger lift stopped between levels 4 and 5; no one trapped, lift switched off.', resolution: 'Door lock contact misaligned; realigned and adjusted. Ran 50 test cycles.' },
    { title: 'Lift doors reopening repeatedly', description: 'Lift doors reopen several times before closing, causing long waits.', resolution: 'Dirty light curtain; cleaned and recalibrated.' },
    { title: 'Escalator stopped — step sensor alarm', description: 'Escalator stopped with a step sag alarm.', resolution: 'Worn step roller replaced; safety circuit tested.' },
  ],
  'IT/Network': [
    { title: 'Wi-Fi dropping on level 5', description: 'Users on level 5 lose Wi-Fi every few minutes.', resolution: 'Access point with failing radio replaced; roaming tested across the floor.' },
    { title: 'Switch stack member offline', description: 'Monitoring shows one access switch stack member down since 06:10.', resolution: 'Faulty stacking cable replaced; stack re-formed, all ports up.' },
    { title: 'Rack PDU reporting overload', description: 'Rack PDU in the comms room alarming at 95% load.', resolution: 'Redistributed loads across both feeds; PDU now at 55%.' },
  ],
  Security: [
    { title: 'Main entrance card reader not working', description: 'Staff cannot badge in at the main entrance; reception letting people in manually.', resolution: 'Reader lost power due to a failed PSU; replaced PSU and tested 10 badges.' },
    { title: 'CCTV camera offline in car park', description: 'Car park camera shows no video in the VMS.', resolution: 'PoE switch port faulty; moved camera to a spare port and updated documentation.' },
    { title: 'Intruder alarm false activations', description: 'Three false alarms overnight from the loading bay zone.', resolution: 'Detector misaligned after cleaning; realigned and walk-tested.' },
  ],
  General: [
    { title: 'Loading bay shutter will not close', description: 'Roller shutter stops halfway when closing.', resolution: 'Safety edge cable damaged; replaced safety edge, shutter closes fully.' },
    { title: 'Automatic door stuck open', description: 'Main entrance sliding door stuck open; building not secure overnight.', resolution: 'Drive belt slipping; replaced belt and adjusted speed settings.' },
    { title: 'Kitchen extract fan noisy', description: 'Extract fan in the staff kitchen very loud at lunchtime.', resolution: 'Fan bearings worn; replaced motor assembly.' },
  ],
};

export const PARTS: Record<CategoryName, readonly (readonly [partNo: string, description: string])[]> = {
  HVAC: [['FLT-G4-592', 'Panel filter G4 592×592'], ['BLT-SPA-1250', 'V-belt SPA 1250'], ['ACT-24V-10NM', 'Valve actuator 24 V 10 Nm'], ['CAP-35UF', 'Run capacitor 35 µF']],
  Electrical: [['BAT-12V-100', 'VRLA battery 12 V 100 Ah'], ['RCBO-B16-30', 'RCBO B16 30 mA'], ['FUS-HRC-32', 'HRC fuse 32 A'], ['LED-T8-1500', 'LED tube T8 1500 mm']],
  Plumbing: [['FLX-15-300', 'Flexible connector 15 mm × 300 mm'], ['VAL-ISO-15', 'Isolation valve 15 mm'], ['THM-WH-70', 'Water heater thermostat 70 °C'], ['SEAL-KIT-PMP', 'Pump mechanical seal kit']],
  'Fire safety': [['DET-OPT-01', 'Optical smoke detector'], ['BASE-DET-STD', 'Detector base'], ['BAT-EM-3H', 'Emergency light battery pack 3 h'], ['GLD-PACK-50', 'Valve gland packing']],
  Lifts: [['ROL-STEP-75', 'Step roller 75 mm'], ['CNT-DOOR-LK', 'Door lock contact'], ['LC-EDGE-2000', 'Light curtain edge 2000 mm']],
  'IT/Network': [['SFP-10G-SR', 'SFP+ 10G SR transceiver'], ['CBL-STK-1M', 'Stacking cable 1 m'], ['AP-MNT-KIT', 'AP ceiling mount kit'], ['PTC-CAT6-2M', 'Cat6 patch cord 2 m']],
  Security: [['PSU-12V-3A', 'Access control PSU 12 V 3 A'], ['RDR-MF-01', 'Multi-format card reader'], ['PIR-DT-15', 'Dual-tech motion detector']],
  General: [['EDGE-SFT-4M', 'Safety edge 4 m'], ['BLT-DOOR-ES', 'Sliding door drive belt'], ['MTR-FAN-250', 'Fan motor 250 mm']],
};

export const CHECKLISTS = {
  corrective: ['Review fault report with site contact', 'Isolate and lock out the equipment', 'Diagnose the root cause', 'Repair or replace the faulty component', 'Test operation under load', 'Return to service and brief the site contact'],
  preventive: ['Visual inspection for damage and leaks', 'Clean and replace consumables', 'Check and tighten connections', 'Record operating readings', 'Lubricate moving parts', 'Update the maintenance log'],
  inspection: ['Check equipment label and tag', 'Inspect condition and record defects', 'Take readings', 'Photograph defects', 'Agree follow-up actions'],
  installation: ['Confirm delivery against the order', 'Position and fix the equipment', 'Connect services', 'Commission and test', 'Label with asset tag', 'Hand over documentation'],
} as const;

/** What a reading-type checklist item records, so some items carry a value like a real form. */
export const READINGS = ['21.5 °C', '3.4 bar', '230 V', '0.42 MΩ', '58 dB', '11.8 A', 'OK', 'Pass'] as const;

export const WORK_NOTES = [
  'Site contact met me at reception; access to the plant room via the loading bay.',
  'Checked the rest of the plant in the room while on site; no other issues.',
  'Found the same issue on the neighbouring unit; raised it with the site manager.',
  'Customer asked for the work to be done after 10:00 to avoid the morning rush.',
  'Old part kept on site for the warranty claim.',
  'Area left clean and tidy; all waste removed.',
] as const;

export const COMMENTS = {
  report: ['Any update on this? Staff are asking.', 'This is affecting the whole floor, please prioritise.', 'Photos attached to the asset record.'],
  desk: ['Assigned to the engineer on site today.', 'Parts ordered, ETA tomorrow.', 'Customer informed of the expected arrival time.', 'Escalated to the duty manager.'],
  engineer: ['On my way, ETA 30 minutes.', 'Diagnosed, need a replacement part.', 'Fixed and tested; please confirm all is well.', 'Could not access the riser, need a key from security.'],
} as const;

export const TICKET_TAGS = ['recurring', 'safety', 'vip-area', 'after-hours', 'warranty', 'customer-reported', 'energy'] as const;
