import { z } from 'zod';
import type { User } from '../schemas/user';

export const LoginBodySchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(40),
  password: z.string().min(1).max(200),
});

export const RefreshBodySchema = z.object({ refreshToken: z.string().min(20).max(200).optional() });

export type LoginResponse = { accessToken: string; refreshToken: string; expiresIn: number; user: User };
export type RefreshResponse = LoginResponse;

export const REFRESH_COOKIE = 'fs_refresh';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
