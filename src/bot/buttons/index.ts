import type { ButtonHandler } from '../command.js';
import { unlinkCancel, unlinkConfirm } from './unlink.js';

/** Every button the router answers, by custom id prefix. */
export const buttons = [unlinkConfirm, unlinkCancel] as const satisfies readonly ButtonHandler[];
