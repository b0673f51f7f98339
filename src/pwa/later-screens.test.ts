import { afterEach, describe, expect, it } from 'vitest';
import { RUNTIME_ASSETS_ID, runtimeAssetUrls, warmRuntimeCache } from './later-screens';

function listInPage(text: string): void {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = RUNTIME_ASSETS_ID;
  script.textContent = text;
  document.body.append(script);
}

afterEach(() => document.getElementById(RUNTIME_ASSETS_ID)?.remove());

describe('runtimeAssetUrls (index.html’s list of the files left out of the precache)', () => {
  it('reads the /assets/ paths and ignores anything else', () => {
    listInPage(JSON.stringify(['/assets/OverviewScreen-abc.js', '/assets/print-x_1.css', 'https://elsewhere.example/a.js', '/assets/../sw.js', 7]));
    expect(runtimeAssetUrls()).toEqual(['/assets/OverviewScreen-abc.js', '/assets/print-x_1.css']);
  });

  it('is empty without a list, or with one that is not JSON', () => {
    expect(runtimeAssetUrls()).toEqual([]);
    listInPage('not json');
    expect(runtimeAssetUrls()).toEqual([]);
  });
});

describe('warmRuntimeCache', () => {
  it('fetches every file, two at a time, and counts what arrived; a failure does not stop the rest', async () => {
    const asked: string[] = [];
    let inFlight = 0;
    let most = 0;
    const fetchFile = async (url: string) => {
      asked.push(url);
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      if (url.endsWith('gone.js')) return new Response('', { status: 404 });
      if (url.endsWith('offline.js')) throw new TypeError('Failed to fetch');
      return new Response('code');
    };
    const urls = ['/assets/a.js', '/assets/gone.js', '/assets/offline.js', '/assets/b.css', '/assets/c.js'];
    expect(await warmRuntimeCache(urls, fetchFile)).toBe(3);
    expect(asked.sort()).toEqual([...urls].sort());
    expect(most).toBe(2);
  });
});
