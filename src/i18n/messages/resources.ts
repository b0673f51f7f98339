import type { Translations } from '../types';

// Strings of the resources screens.
export const lv = {
} as const;

export const en: Translations<keyof typeof lv> = {
};
