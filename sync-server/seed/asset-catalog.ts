import type { Asset } from '@shared/schemas/asset';
import { type CategoryName, toCategoryName } from './demo-reference';

type Equipment = { name: string; makes: readonly (readonly [manufacturer: string, model: string])[] };

/** Real manufacturers and model lines per trade, so demo screens look like a real asset register. */
export const ASSET_CATALOG = {
  HVAC: [
    { name: 'Air handling unit', makes: [['Daikin', 'Modular L'], ['Trane', 'CLCP'], ['Carrier', '39HQ']] },
    { name: 'Chiller', makes: [['Carrier', 'AquaEdge 30XA'], ['Trane', 'RTAF'], ['York', 'YVAA']] },
    { name: 'Rooftop unit', makes: [['Lennox', 'e-Baltic'], ['Carrier', 'WeatherMaker 50FC']] },
    { name: 'Fan coil unit', makes: [['Daikin', 'FWB'], ['Mitsubishi Electric', 'PEFY-P']] },
    { name: 'Boiler', makes: [['Viessmann', 'Vitocrossal 300'], ['Hamworthy', 'Wessex ModuMax']] },
    { name: 'Split air conditioner', makes: [['Mitsubishi Electric', 'PUZ-ZM'], ['Daikin', 'FTXM']] },
  ],
  Electrical: [
    { name: 'Main switchboard', makes: [['Schneider Electric', 'Prisma P'], ['ABB', 'MNS']] },
    { name: 'UPS', makes: [['Eaton', '93PM'], ['APC', 'Galaxy VS'], ['Vertiv', 'Liebert EXL S1']] },
    { name: 'Standby generator', makes: [['Caterpillar', 'C15'], ['Cummins', 'C500D5']] },
    { name: 'Distribution board', makes: [['Schneider Electric', 'Acti9 Isobar'], ['Hager', 'Invicta 3']] },
    { name: 'Lighting control panel', makes: [['Lutron', 'Quantum'], ['Philips', 'Dynalite DDRC']] },
    { name: 'EV charger', makes: [['ABB', 'Terra AC'], ['Wallbox', 'Commander 2']] },
  ],
  Plumbing: [
    { name: 'Water heater', makes: [['A. O. Smith', 'BFC Cyclone'], ['Rheem', 'Commercial Triton']] },
    { name: 'Booster pump set', makes: [['Grundfos', 'Hydro MPC-E'], ['Wilo', 'SiBoost Smart']] },
    { name: 'Sump pump', makes: [['Xylem', 'Flygt 3085'], ['Zoeller', 'M267']] },
    { name: 'Backflow preventer', makes: [['Watts', 'LF909'], ['Zurn Wilkins', '375XL']] },
    { name: 'Water softener', makes: [['Culligan', 'HE 1.5'], ['Kinetico', 'CP213']] },
  ],
  'Fire safety': [
    { name: 'Fire alarm panel', makes: [['Notifier', 'NFS2-3030'], ['Siemens', 'Cerberus PRO FC724'], ['Gent', 'Vigilon']] },
    { name: 'Sprinkler valve set', makes: [['Tyco', 'AV-1-300'], ['Viking', 'Model J-1']] },
    { name: 'Fire pump', makes: [['Grundfos', 'NBS Fire'], ['Pentair', 'Aurora 481']] },
    { name: 'Emergency lighting controller', makes: [['Eaton', 'CGLine+'], ['Cooper', 'NexoLux']] },
    { name: 'Smoke ventilation panel', makes: [['Colt', 'SHEV-CP'], ['SE Controls', 'OS2']] },
  ],
  Lifts: [
    { name: 'Passenger lift', makes: [['Otis', 'Gen2'], ['KONE', 'MonoSpace 500'], ['Schindler', '3300']] },
    { name: 'Goods lift', makes: [['Otis', 'GeN2 Cargo'], ['KONE', 'TranSys']] },
    { name: 'Escalator', makes: [['Otis', 'Link'], ['KONE', 'TravelMaster 110']] },
  ],
  'IT/Network': [
    { name: 'Core switch', makes: [['Cisco', 'Catalyst 9500'], ['Arista', '7050X3']] },
    { name: 'Access switch', makes: [['Cisco', 'Catalyst 9200'], ['HPE Aruba', 'CX 6300']] },
    { name: 'Wireless access point', makes: [['HPE Aruba', 'AP-535'], ['Cisco', 'Meraki MR46'], ['Ubiquiti', 'U6 Enterprise']] },
    { name: 'Firewall', makes: [['Fortinet', 'FortiGate 200F'], ['Palo Alto Networks', 'PA-440']] },
    { name: 'Rack PDU', makes: [['APC', 'AP8881'], ['Raritan', 'PX3']] },
  ],
  Security: [
    { name: 'Access control panel', makes: [['HID', 'VertX V1000'], ['Paxton', 'Net2 Plus']] },
    { name: 'CCTV camera', makes: [['Axis', 'P3265-LVE'], ['Hanwha', 'XNV-8080R'], ['Bosch', 'FLEXIDOME 5100i']] },
    { name: 'Network video recorder', makes: [['Milestone', 'Husky IVO 700R'], ['Genetec', 'Streamvault SV-1000E']] },
    { name: 'Intruder alarm panel', makes: [['Honeywell', 'Galaxy Flex'], ['Texecom', 'Premier Elite 640']] },
    { name: 'Speed gate', makes: [['Boon Edam', 'Lifeline Speedlane'], ['Gunnebo', 'SpeedStile FP']] },
  ],
  General: [
    { name: 'Roller shutter door', makes: [['Hörmann', 'Decotherm S'], ['SWS', 'SeceuroGlide']] },
    { name: 'Dock leveller', makes: [['Hörmann', 'HLS 2'], ['Stertil', 'EDK']] },
    { name: 'Automatic door', makes: [['dormakaba', 'ES 200'], ['ASSA ABLOY', 'SL500']] },
    { name: 'Kitchen extract fan', makes: [['Systemair', 'KBT'], ['Nuaire', 'Boxer']] },
    { name: 'Water cooler', makes: [['Elkay', 'EZH2O'], ['Culligan', 'Aquarius']] },
  ],
} as const satisfies Record<CategoryName, readonly Equipment[]>;

/** A kind of equipment of the catalog (of one trade when `C` is given), e.g. 'Chiller'. */
export type EquipmentName<C extends CategoryName = CategoryName> = (typeof ASSET_CATALOG)[C][number]['name'];

/** The catalog's kinds of equipment for a trade, as a plain list. */
export function equipmentKinds(category: CategoryName): readonly { name: EquipmentName; makes: Equipment['makes'] }[] {
  return ASSET_CATALOG[category];
}

/**
 * The kind of equipment a seeded asset is, read back from its name (buildAsset names it
 * `<kind> <unit> — <location>`); undefined for an asset named otherwise.
 */
export function equipmentOf(asset: Pick<Asset, 'name' | 'category'>): EquipmentName | undefined {
  return equipmentKinds(toCategoryName(asset.category)).find((kind) => asset.name.startsWith(`${kind.name} `))?.name;
}

/** Where in a building equipment of each trade typically sits (used in the asset's display name). */
export const LOCATIONS: Record<CategoryName, readonly string[]> = {
  HVAC: ['Roof plant', 'Level 2 plant room', 'Basement plant room', 'Level 5 riser', 'Data hall'],
  Electrical: ['Main switch room', 'Basement', 'Level 1 riser', 'Car park', 'Data hall'],
  Plumbing: ['Basement pump room', 'Level 3 washrooms', 'Kitchen', 'Roof tank room'],
  'Fire safety': ['Ground floor lobby', 'Sprinkler room', 'Level 4 riser', 'Security office'],
  Lifts: ['Core A', 'Core B', 'Loading bay', 'Atrium'],
  'IT/Network': ['Comms room L1', 'Comms room L3', 'Main equipment room', 'Reception'],
  Security: ['Main entrance', 'Loading bay', 'Car park', 'Security office', 'Level 2 east'],
  General: ['Loading bay', 'Main entrance', 'Staff kitchen', 'Goods yard'],
};
