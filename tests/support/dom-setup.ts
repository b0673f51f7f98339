import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { loadAllMessages } from '../../src/i18n';

// Screens under test find every Latvian string loaded, as they do a moment after the app starts.
await loadAllMessages();

afterEach(() => cleanup());
