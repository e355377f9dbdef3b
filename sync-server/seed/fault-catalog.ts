import type { Asset } from '@shared/schemas/asset';
import { type EquipmentName, equipmentOf } from './asset-catalog';
import type { CategoryName } from './demo-reference';

/**
 * A typically reported fault, with how an engineer would write up the fix. `on`: the kinds of
 * equipment it happens on, so a ticket about "Boiler 1" reads as a boiler fault; an empty list is
 * a fault of the building itself, reported without an asset.
 */
export type Fault<C extends CategoryName = CategoryName> = { title: string; description: string; resolution: string; on: readonly EquipmentName<C>[] };

/** Every kind of equipment in the asset catalog has at least one fault here (tests/unit/seed). */
export const FAULTS: { [C in CategoryName]: readonly Fault<C>[] } = {
  HVAC: [
    { on: ['Air handling unit', 'Fan coil unit'], title: 'No cooling in the meeting rooms', description: 'Meeting rooms at 27 °C since this morning; the thermostat shows demand but no cold air.', resolution: 'Replaced failed actuator on the chilled-water valve; rooms back to 21 °C within 40 minutes.' },
    { on: ['Air handling unit', 'Rooftop unit'], title: 'Filter alarm on the BMS', description: 'High filter differential pressure alarm on the BMS; airflow to the floor is down.', resolution: 'Replaced clogged panel filters; differential pressure back within range.' },
    { on: ['Air handling unit'], title: 'AHU making loud rattling noise', description: 'Loud rattle from the air handling unit, audible in the corridor next to the plant room.', resolution: 'Loose fan belt guard and worn belt; replaced belt and re-tensioned.' },
    { on: ['Chiller'], title: 'Chiller tripping on high pressure', description: 'Chiller trips every 20–30 minutes with a high discharge pressure alarm.', resolution: 'Condenser coils heavily fouled; cleaned coils and reset. Ran 2 h without a trip.' },
    { on: ['Chiller'], title: 'Chiller alarm: low chilled-water flow', description: 'Chiller stopped on a low-flow alarm; building temperatures rising.', resolution: 'Strainer on the chilled-water return blocked; cleaned it, flow back to design and chiller running.' },
    { on: ['Rooftop unit'], title: 'Rooftop unit blowing warm air', description: 'Unit runs but the supply air is warm; the compressor stops after a few seconds.', resolution: 'Compressor run capacitor failed; replaced it, supply air down to 13 °C.' },
    { on: ['Fan coil unit'], title: 'Water dripping from the fan coil unit', description: 'Water dripping through a ceiling tile under the fan coil unit.', resolution: 'Condensate drain blocked; cleared drain and trap, cleaned and treated the tray.' },
    { on: ['Boiler'], title: 'Boiler lockout — no heating', description: 'Boiler showing lockout code; offices cold this morning.', resolution: 'Ignition electrode worn; replaced and reset lockout. Flue gas readings within limits.' },
    { on: ['Boiler'], title: 'Boiler pressure keeps dropping', description: 'Boiler pressure falls below 0.5 bar overnight and the boiler locks out by morning.', resolution: 'Weeping pressure relief valve replaced; system refilled to 1.5 bar and held for 2 h.' },
    { on: ['Split air conditioner'], title: 'Split AC not cooling', description: 'Indoor unit runs but the room keeps warming up; the outdoor unit fan is not turning.', resolution: 'Outdoor fan capacitor failed; replaced it and checked refrigerant pressures.' },
    { on: ['Split air conditioner'], title: 'Split AC dripping water indoors', description: 'Water dripping from the indoor unit onto the floor below.', resolution: 'Condensate pump failed; replaced it and tested drainage.' },
  ],
  Electrical: [
    { on: ['UPS'], title: 'UPS on bypass after power blip', description: 'UPS transferred to bypass during this morning\'s supply dip and did not return to inverter.', resolution: 'Failed battery string found on test; replaced 8 blocks and returned UPS to inverter mode.' },
    { on: ['UPS'], title: 'UPS battery fault alarm', description: 'UPS front panel and monitoring both report a battery fault.', resolution: 'Two battery blocks failed the impedance test; replaced them and ran a full battery test.' },
    { on: ['Distribution board', 'Lighting control panel'], title: 'Lighting out in car park level -1', description: 'Half of the lights on car park level -1 are off; safety concern for staff leaving late.', resolution: 'Tripped RCBO due to water ingress in a junction box; dried, resealed and reset.' },
    { on: ['Lighting control panel'], title: 'Office lights stay on all night', description: 'Office lighting no longer switches off after hours; the time schedule seems ignored.', resolution: 'Panel clock lost its time in a power cut; replaced the backup battery, reset clock and schedules.' },
    { on: ['Standby generator'], title: 'Generator failed weekly test start', description: 'Standby generator did not start during the automatic weekly test.', resolution: 'Starter battery flat and charger fuse blown; replaced both, test start successful.' },
    { on: ['Standby generator'], title: 'Generator low coolant alarm', description: 'Generator panel shows a low coolant level alarm after the monthly load test.', resolution: 'Split coolant hose replaced; system topped up and pressure-tested.' },
    { on: ['Distribution board', 'Main switchboard'], title: 'Burning smell from the switchgear', description: 'Staff report a burning smell near the board; it is warm to the touch.', resolution: 'Overheated neutral termination; re-terminated and torqued, thermal scan normal.' },
    { on: ['Main switchboard'], title: 'Mechanical services breaker tripping', description: 'The outgoing breaker feeding the plant trips several times a day.', resolution: 'Trip settings below the load since new plant was added; settings reviewed and adjusted, load logged for 24 h.' },
    { on: ['EV charger'], title: 'EV charger not charging', description: 'Charger shows a fault light; vehicles connect but no charge starts.', resolution: 'Failed RCD module in the charger replaced; test charge at 7 kW successful.' },
  ],
  Plumbing: [
    { on: [], title: 'Leak under level 3 washroom basins', description: 'Water pooling under the basins in the level 3 washroom; area coned off.', resolution: 'Replaced perished flexible connector and isolation valve; no further leaks.' },
    { on: ['Water heater'], title: 'No hot water', description: 'Hot water running cold since yesterday afternoon.', resolution: 'Thermostat on the water heater failed; replaced and verified 60 °C storage temperature.' },
    { on: ['Water heater'], title: 'Water heater leaking', description: 'Water pooling around the base of the water heater.', resolution: 'Leaking temperature and pressure relief valve replaced; no further leaks.' },
    { on: ['Booster pump set'], title: 'Booster pump cycling constantly', description: 'Booster set starting and stopping every few seconds; upper floors have low pressure.', resolution: 'Pressure vessel pre-charge lost; recharged vessel to 3.5 bar and adjusted set point.' },
    { on: ['Sump pump'], title: 'Sump high-level alarm', description: 'High-level alarm on the sump; the water is close to the cover.', resolution: 'Float switch jammed by debris; cleaned the pit and the switch, pump cycles normally.' },
    { on: ['Backflow preventer'], title: 'Backflow preventer discharging water', description: 'Continuous discharge from the relief valve of the backflow preventer.', resolution: 'Debris under the first check valve; cleaned it and replaced the check rubber, unit passed its test.' },
    { on: ['Water softener'], title: 'Hard water — softener not regenerating', description: 'Limescale back on the taps; the softener\'s salt level has not dropped in weeks.', resolution: 'Salt bridge in the brine tank broken up, injector cleaned, regeneration forced; hardness test 0 °dH.' },
  ],
  'Fire safety': [
    { on: ['Fire alarm panel'], title: 'Fire panel showing fault on loop 2', description: 'Fire alarm panel reports an open-circuit fault on loop 2.', resolution: 'Damaged detector base in the level 4 riser; replaced base and detector, loop fault cleared.' },
    { on: ['Fire alarm panel'], title: 'Repeated false fire alarms', description: 'Two false alarms this week from the same zone; the building was evacuated both times.', resolution: 'Contaminated optical detector in the kitchen corridor replaced; drift levels now normal.' },
    { on: ['Sprinkler valve set'], title: 'Sprinkler valve pressure low', description: 'Weekly test recorded low pressure on the installation valve set.', resolution: 'Slow leak on the drain valve; repacked the gland and restored pressure.' },
    { on: ['Fire pump'], title: 'Fire pump failed weekly run test', description: 'Fire pump did not start during the weekly run test.', resolution: 'Pressure switch sensing line blocked; cleared it, pump started at the set pressure on retest.' },
    { on: ['Emergency lighting controller'], title: 'Emergency lighting failed monthly test', description: 'Six fittings on level 1 failed the monthly function test.', resolution: 'Replaced six battery packs; all fittings passed a 3-hour duration test.' },
    { on: ['Smoke ventilation panel'], title: 'Smoke vent did not open in test', description: 'Stair smoke vent failed to open in the weekly test; panel shows an actuator fault.', resolution: 'Actuator motor failed; replaced it and cycled the vent 10 times from the panel and the break-glass.' },
  ],
  Lifts: [
    { on: ['Passenger lift', 'Goods lift'], title: 'Lift stuck between floors', description: 'Lift stopped between levels 4 and 5; no one trapped, lift switched off.', resolution: 'Door lock contact misaligned; realigned and adjusted. Ran 50 test cycles.' },
    { on: ['Passenger lift', 'Goods lift'], title: 'Lift doors reopening repeatedly', description: 'Lift doors reopen several times before closing, causing long waits.', resolution: 'Dirty light curtain; cleaned and recalibrated.' },
    { on: ['Goods lift', 'Passenger lift'], title: 'Lift stopping short of the floor', description: 'Car stops 3–4 cm below floor level; trolleys catch on the sill.', resolution: 'Levelling sensor vane loose; re-fixed and adjusted, levelling within 5 mm at every floor.' },
    { on: ['Escalator'], title: 'Escalator stopped — step sensor alarm', description: 'Escalator stopped with a step sag alarm.', resolution: 'Worn step roller replaced; safety circuit tested.' },
    { on: ['Escalator'], title: 'Escalator handrail slipping', description: 'Handrail runs slower than the steps; passengers report being pulled off balance.', resolution: 'Handrail drive chain re-tensioned and pressure rollers adjusted; speeds matched.' },
  ],
  'IT/Network': [
    { on: ['Wireless access point'], title: 'Wi-Fi dropping on level 5', description: 'Users on level 5 lose Wi-Fi every few minutes.', resolution: 'Access point with failing radio replaced; roaming tested across the floor.' },
    { on: ['Wireless access point'], title: 'Access point offline', description: 'The controller shows the access point offline; no Wi-Fi in that area.', resolution: 'Damaged patch lead at the access point replaced; it rejoined the controller.' },
    { on: ['Access switch', 'Core switch'], title: 'Switch stack member offline', description: 'Monitoring shows one switch stack member down since 06:10.', resolution: 'Faulty stacking cable replaced; stack re-formed, all ports up.' },
    { on: ['Core switch'], title: 'Core switch power supply failed', description: 'Monitoring reports one of the core switch\'s two power supplies failed.', resolution: 'Power supply replaced hot; both supplies sharing the load.' },
    { on: ['Firewall'], title: 'Firewall failing over overnight', description: 'The firewall pair failed over twice overnight; short internet outages each time.', resolution: 'Failing power supply in the primary unit replaced; the pair stable for 24 h.' },
    { on: ['Rack PDU'], title: 'Rack PDU reporting overload', description: 'Rack PDU in the comms room alarming at 95% load.', resolution: 'Redistributed loads across both feeds; PDU now at 55%.' },
  ],
  Security: [
    { on: ['Access control panel'], title: 'Main entrance card reader not working', description: 'Staff cannot badge in at the main entrance; reception letting people in manually.', resolution: 'Reader lost power due to a failed PSU; replaced PSU and tested 10 badges.' },
    { on: ['CCTV camera'], title: 'CCTV camera offline', description: 'The camera shows no video in the VMS.', resolution: 'PoE switch port faulty; moved camera to a spare port and updated documentation.' },
    { on: ['Network video recorder'], title: 'CCTV recordings missing overnight', description: 'No recordings from any camera for several hours overnight.', resolution: 'Failed disk in the recorder\'s array replaced; array rebuilt, recording continuous.' },
    { on: ['Intruder alarm panel'], title: 'Intruder alarm false activations', description: 'Three false alarms overnight from the loading bay zone.', resolution: 'Detector misaligned after cleaning; realigned and walk-tested.' },
    { on: ['Speed gate'], title: 'Speed gate not opening for valid badges', description: 'One lane refuses valid badges; queue at reception.', resolution: 'Motor drive faulted after a power dip; reset the drive, updated firmware, tested 20 passages.' },
  ],
  General: [
    { on: ['Roller shutter door'], title: 'Loading bay shutter will not close', description: 'Roller shutter stops halfway when closing.', resolution: 'Safety edge cable damaged; replaced safety edge, shutter closes fully.' },
    { on: ['Dock leveller'], title: 'Dock leveller will not rise', description: 'The hydraulic pump runs but the platform stays down.', resolution: 'Hydraulic oil low from a leaking hose; hose replaced, oil topped up, leveller cycles fully.' },
    { on: ['Automatic door'], title: 'Automatic door stuck open', description: 'Sliding door stuck open; building not secure overnight.', resolution: 'Drive belt slipping; replaced belt and adjusted speed settings.' },
    { on: ['Kitchen extract fan'], title: 'Kitchen extract fan noisy', description: 'Extract fan in the staff kitchen very loud at lunchtime.', resolution: 'Fan bearings worn; replaced motor assembly.' },
    { on: ['Water cooler'], title: 'Water cooler leaking', description: 'Water pooling under the water cooler.', resolution: 'Cracked inlet tube replaced and filter housing re-seated; no leaks after an hour.' },
  ],
};

/**
 * The faults a ticket may report: those of its asset's kind of equipment, or any fault of the
 * category for a ticket without an asset (or an asset the catalog does not name).
 */
export function faultsFor(category: CategoryName, asset?: Pick<Asset, 'name' | 'category'>): readonly Fault[] {
  const faults: readonly Fault[] = FAULTS[category];
  const kind = asset ? equipmentOf(asset) : undefined;
  const fitting = kind ? faults.filter((fault) => fault.on.includes(kind)) : [];
  return fitting.length > 0 ? fitting : faults;
}
