// Object URLs for images kept in IndexedDB. Thumbnails are named by their
// image's hash, which never names other bytes, so one URL per hash serves
// every list that shows it; the oldest are let go past a bound.
import { useEffect, useRef, useState } from 'preact/hooks';

const THUMB_URLS_KEPT = 300;
const thumbUrls = new Map<string, string>();

/** The thumbnail's object URL, made once per image hash. */
export function thumbUrl(sha256: string, thumb: Blob): string {
  const known = thumbUrls.get(sha256);
  if (known) return known;
  const url = URL.createObjectURL(thumb);
  thumbUrls.set(sha256, url);
  if (thumbUrls.size > THUMB_URLS_KEPT) {
    // An <img> that has loaded keeps its picture after its URL is revoked.
    const oldest = thumbUrls.entries().next();
    if (!oldest.done) {
      const [oldSha, oldUrl] = oldest.value;
      thumbUrls.delete(oldSha);
      URL.revokeObjectURL(oldUrl);
    }
  }
  return url;
}

/**
 * An object URL for a large image while it is shown, revoked after. Keyed by
 * the image's hash: a live query hands a new Blob object for the same bytes
 * whenever the table changes, and the picture should not reload for that.
 */
export function useObjectUrl(sha256: string | null, blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const latest = useRef(blob);
  latest.current = blob;
  const present = blob !== null;
  useEffect(() => {
    const current = latest.current;
    if (!sha256 || !current) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(current);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [sha256, present]);
  return url;
}
