import { backends } from './tests/integration/support/backends';
const pgb = backends()[1]!;
for (let i = 0; i < 3; i++) { try { const o = await pgb.open(); console.log('ok'); await o.cleanup(); } catch (e) { console.log('fail', (e as Error).message); } }
