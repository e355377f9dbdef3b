import { KIND_CHECKLISTS } from '@shared/domain/checklist';
import type { CategoryName } from './demo-reference';

/** Parts an engineer of each trade typically fits. */
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

/** The kinds' checklists are the app's own defaults (a new work order starts with them). */
export const CHECKLISTS = KIND_CHECKLISTS;

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
