// The roles a person can hold in Parentis; what each may do is the capability matrix in capabilities.ts.

export const roles = ['admin', 'manager', 'lead', 'owner', 'analyst', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  manager: 'Partnership manager',
  lead: 'Programme lead',
  owner: 'Action owner',
  analyst: 'Performance analyst',
  viewer: 'Board member (read only)',
};

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (roles as readonly string[]).includes(value);
