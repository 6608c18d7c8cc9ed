// English messages, one namespace per area of the console (each in its own file under en/).
import { common } from './en/common.ts';
import { calculator } from './en/calculator.ts';
import { inz } from './en/inz.ts';
import { admin } from './en/admin.ts';
import { work } from './en/work.ts';
import { liveness } from './en/liveness.ts';
import { account } from './en/account.ts';

export const en = { common, calculator, inz, admin, work, liveness, account };
