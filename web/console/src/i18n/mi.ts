// Te reo Māori messages: the same keys as English (the type checker holds every namespace to it).
import type { Messages } from './messages.ts';
import type { en } from './en.ts';
import { common } from './mi/common.ts';
import { calculator } from './mi/calculator.ts';
import { inz } from './mi/inz.ts';
import { admin } from './mi/admin.ts';
import { work } from './mi/work.ts';
import { liveness } from './mi/liveness.ts';
import { account } from './mi/account.ts';

export const mi: Messages<typeof en> = { common, calculator, inz, admin, work, liveness, account };
