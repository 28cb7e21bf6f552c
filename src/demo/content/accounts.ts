// The demonstration authority's sign-in accounts: one per role, named after people in the demo plans
// so that each sees work of their own. Demonstration mode only; the password is printed by npm start.
import type { Role } from '../../domain/roles.ts';
import { staff } from './authority.ts';

/** Shared by every demonstration account. Never use demonstration mode for real data. */
export const DEMO_PASSWORD = 'westmere-demo';

export interface DemoAccount {
  role: Role;
  email: string;
  name: string;
  /** Why this person, for whoever explores the demonstration. */
  note: string;
}

export const demoAccounts: DemoAccount[] = [
  { role: 'admin', email: 'admin@westmere.example', name: 'Demelza Rowse', note: 'manages users and reads the audit log' },
  { role: 'manager', email: 'manager@westmere.example', name: staff.partnership.name, note: 'Partnership Business Manager: plans, actions and deadlines' },
  {
    role: 'lead',
    email: 'lead@westmere.example',
    name: staff.deputyDirector.name,
    note: 'leads programme 6 of the Children and Young People’s Plan (children in care and care leavers)',
  },
  {
    role: 'owner',
    email: 'owner@westmere.example',
    name: staff.omFostering.name,
    note: 'owns fostering and permanence actions, several in programme 6',
  },
  { role: 'analyst', email: 'analyst@westmere.example', name: staff.biManager.name, note: 'Business Intelligence: measures and child-level data' },
  { role: 'viewer', email: 'viewer@westmere.example', name: staff.cpbChair.name, note: 'chairs the Corporate Parenting Board: reads everything aggregate' },
];
