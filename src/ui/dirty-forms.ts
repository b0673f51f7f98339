// Which forms hold unsaved input. The update prompt reads it so that an app
// update never reloads the page under a half-filled form; form-state.ts writes
// it. Its own module, so the first screen's update prompt carries no form code.
import { signal } from '@preact/signals';

export const dirtyForms = signal<ReadonlySet<string>>(new Set());
