/** A message with plural forms, chosen by Intl.PluralRules (Latvian has zero, one and other). */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralMessage;

/** The English messages of a feature must have exactly the keys of its Latvian ones. */
export type Translations<Keys extends string> = Record<Keys, Message>;
