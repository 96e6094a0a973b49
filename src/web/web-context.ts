import type { Response } from 'express';
import type { AppContext } from '../context.js';

/** The app context with this request's logger (it carries the request id). */
export const forRequest = (ctx: AppContext, res: Response): AppContext => ({ ...ctx, log: res.locals.log });

export const isHttps = (ctx: AppContext): boolean => ctx.config.web.publicBaseUrl.startsWith('https:');

export const publicOrigin = (ctx: AppContext): string => new URL(ctx.config.web.publicBaseUrl).origin;

/** Registered in the Spotify dashboard; must match the authorize request exactly. */
export const spotifyRedirectUri = (ctx: AppContext): string => `${ctx.config.web.publicBaseUrl}/callback/spotify`;
