// Which queues and pages the menu offers to which roles (the server checks every action again).
export interface MenuItem {
  href: string;
  label: 'myWork' | 'validation' | 'escalations' | 'applications' | 'officers' | 'calculator';
  roles: readonly string[] | 'everyone';
}

const CASEWORK = ['case-officer', 'validating-officer', 'id-proofing-expert', 'team-leader', 'administrator'] as const;

export const MENU: readonly MenuItem[] = [
  { href: '/work', label: 'myWork', roles: CASEWORK },
  { href: '/queues/validation', label: 'validation', roles: ['validating-officer', 'administrator'] },
  { href: '/queues/escalations', label: 'escalations', roles: ['id-proofing-expert', 'administrator'] },
  { href: '/applications', label: 'applications', roles: CASEWORK },
  { href: '/admin/officers', label: 'officers', roles: ['administrator'] },
  { href: '/calculator', label: 'calculator', roles: 'everyone' },
];

export function menuFor(roles: readonly string[]): MenuItem[] {
  return MENU.filter((item) => item.roles === 'everyone' || item.roles.some((role) => roles.includes(role)));
}

/** The account administrators' menu (their pages only). */
export const ACCOUNT_MENU = [
  { href: '/account/verifications', label: 'verifications' },
  { href: '/account/manual-reviews', label: 'manualReviews' },
  { href: '/account/rule-sets', label: 'ruleSets' },
  { href: '/account/settings', label: 'settings' },
] as const;
