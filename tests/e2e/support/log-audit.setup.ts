// Every end-to-end file ends by reading what its servers printed: no token,
// password, name, phone or e-mail the journeys used may be there
// (testing/log-audit.ts), and each server wrote its JSON request lines.
import { afterAll, expect } from 'vitest';
import { findSecrets } from '../../../testing/log-audit';
import { serverOutputs } from '../../../testing/server';
import { rememberedValues } from './log-audit';

afterAll(() => {
  for (const output of serverOutputs()) {
    expect(findSecrets(output, rememberedValues())).toEqual([]);
    if (/Talka listening/.test(output)) expect(output).toMatch(/^\{.*"msg":"request".*\}$/m);
  }
});
