import type { Principal } from '@shared/domain/principal';
import type { Role } from '@shared/schemas/common';
import type { Asset } from '@shared/schemas/asset';
import type { Attachment } from '@shared/schemas/attachment';
import type { Activity, Category, Comment, Notification, SlaPolicy } from '@shared/schemas/misc';
import type { AssignmentRule } from '@shared/schemas/rules';
import type { Site } from '@shared/schemas/site';
import type { Ticket } from '@shared/schemas/ticket';
import type { User } from '@shared/schemas/user';
import type { WorkOrder } from '@shared/schemas/work-order';

/**
 * `buildX(overrides)` factories: each returns a schema-valid document (tests/unit/shared/schemas
 * checks that) with readable, deterministic ids, so a test states only what it is about.
 */
export const T0 = '2026-03-02T09:00:00.000Z';

let sequence = 0;
/** A fresh readable id such as `wo-0007`; unique within a test run. */
export function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}-${String(sequence).padStart(4, '0')}`;
}

const baseFields = () => ({ createdAt: T0, updatedAt: T0, _deleted: false });

export function buildPrincipal(role: Role, overrides: Partial<Principal> = {}): Principal {
  return { id: nextId(`user-${role}`), role, siteIds: [], ...overrides };
}

export function buildUser(overrides: Partial<User> = {}): User {
  const id = overrides.id ?? nextId('user');
  const username = overrides.username ?? id.replace(/[^a-z0-9]/g, '');
  return {
    ...baseFields(),
    id,
    type: 'user',
    username,
    fullName: 'Erin Engel',
    email: `${username}@example.test`,
    role: 'engineer',
    siteIds: [],
    skills: ['hvac'],
    active: true,
    ...overrides,
  };
}

export function buildSite(overrides: Partial<Site> = {}): Site {
  return {
    ...baseFields(),
    id: nextId('site'),
    type: 'site',
    code: 'LON-01',
    name: 'London Docklands',
    address: '1 Dock Road, London',
    location: { lat: 51.5055, lng: -0.0235 },
    timezone: 'Europe/London',
    ...overrides,
  };
}

export function buildAsset(overrides: Partial<Asset> = {}): Asset {
  return {
    ...baseFields(),
    id: nextId('asset'),
    type: 'asset',
    tag: 'AST-000123',
    siteId: 'site-a',
    name: 'Rooftop chiller 1',
    category: 'HVAC',
    manufacturer: 'Carrier',
    model: '30XA',
    serialNumber: 'SN-99812',
    status: 'operational',
    criticality: 3,
    ...overrides,
  };
}

export function buildTicket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    ...baseFields(),
    id: nextId('tck'),
    type: 'ticket',
    number: 'TCK-000123',
    title: 'Chiller alarm: high pressure',
    description: 'Alarm on the rooftop chiller since this morning.',
    category: 'HVAC',
    priority: 'high',
    status: 'new',
    siteId: 'site-a',
    reportedBy: 'user-site1',
    slaPolicyId: 'pol-high',
    sla: {
      responseDueAt: '2026-03-02T10:00:00.000Z',
      resolutionDueAt: '2026-03-02T17:00:00.000Z',
      pausedMs: 0,
      state: 'ok',
      escalationLevel: 0,
    },
    tags: [],
    ...overrides,
  };
}

export function buildWorkOrder(overrides: Partial<WorkOrder> = {}): WorkOrder {
  return {
    ...baseFields(),
    id: nextId('wo'),
    type: 'workOrder',
    number: 'WO-000123',
    siteId: 'site-a',
    assigneeId: 'user-eng1',
    kind: 'corrective',
    status: 'scheduled',
    scheduledStart: '2026-03-02T10:00:00.000Z',
    scheduledEnd: '2026-03-02T12:00:00.000Z',
    checklist: [
      { id: 'chk-1', label: 'Isolate power', done: false },
      { id: 'chk-2', label: 'Read discharge pressure', done: false },
    ],
    parts: [],
    timeLogs: [],
    notes: [],
    photos: [],
    ...overrides,
  };
}

export function buildComment(overrides: Partial<Comment> = {}): Comment {
  return {
    ...baseFields(),
    id: nextId('cmt'),
    type: 'comment',
    ticketId: 'tck-a',
    authorId: 'user-eng1',
    body: 'On my way.',
    ...overrides,
  };
}

export function buildActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    ...baseFields(),
    id: nextId('act'),
    type: 'activity',
    subjectType: 'ticket',
    subjectId: 'tck-a',
    action: 'updated',
    actorId: 'user-dispatch1',
    at: T0,
    changes: [{ field: 'status', before: 'new', after: 'assigned' }],
    ...overrides,
  };
}

export function buildNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    ...baseFields(),
    id: nextId('ntf'),
    type: 'notification',
    userId: 'user-eng1',
    kind: 'assigned',
    title: 'New work order',
    body: 'WO-000123 at London Docklands',
    ...overrides,
  };
}

export function buildSlaPolicy(overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    ...baseFields(),
    id: nextId('pol'),
    type: 'slaPolicy',
    name: 'High priority',
    priority: 'high',
    responseMinutes: 60,
    resolutionMinutes: 480,
    businessHours: [],
    holidays: [],
    ...overrides,
  };
}

export function buildCategory(overrides: Partial<Category> = {}): Category {
  return {
    ...baseFields(),
    id: nextId('cat'),
    type: 'category',
    name: 'HVAC',
    description: 'Heating, ventilation and air conditioning',
    skills: ['hvac'],
    defaultPriority: 'medium',
    ...overrides,
  };
}

/** A 1×1 transparent PNG: the smallest real image an attachment can carry. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export function buildAttachment(overrides: Partial<Attachment> = {}): Attachment {
  return {
    ...baseFields(),
    id: nextId('att'),
    type: 'attachment',
    ownerCollection: 'workOrders',
    ownerId: 'wo-0001',
    kind: 'photo',
    contentType: 'image/png',
    size: 68,
    data: TINY_PNG_BASE64,
    createdBy: 'user-eng1',
    ...overrides,
  };
}

/** An enabled assignment rule that matches every ticket; state the action (and what it matches). */
export function buildAssignmentRule(overrides: Partial<AssignmentRule> & Pick<AssignmentRule, 'action'>): AssignmentRule {
  const id = overrides.id ?? nextId('rule');
  return { id, name: `Rule ${id}`, enabled: true, match: { categories: [], siteIds: [], priorities: [] }, ...overrides };
}
