import type { Translations } from '../types';

// Strings of the workshops screens.
export const lv = {
} as const;

export const en: Translations<keyof typeof lv> = {
};
