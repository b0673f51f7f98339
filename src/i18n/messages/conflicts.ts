import type { Translations } from '../types';

// Strings of the conflicts screens.
export const lv = {
} as const;

export const en: Translations<keyof typeof lv> = {
};
