// Drawn icons, not emoji: the same on every tablet (some have no emoji font),
// and no text inside a control's accessible name.
export function CameraIcon() {
  return (
    <svg class="photo-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"
        d="M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z" />
      <circle cx="12" cy="13" r="3.5" fill="none" stroke="currentColor" stroke-width="2" />
    </svg>
  );
}

export function ImagesIcon() {
  return (
    <svg class="photo-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <rect x="3" y="5" width="18" height="14" rx="1" fill="none" stroke="currentColor" stroke-width="2" />
      <path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M3 16l5-5 4 4 3-3 6 6" />
      <circle cx="16" cy="9" r="1.5" fill="currentColor" />
    </svg>
  );
}

export function CloudIcon() {
  return (
    <svg class="photo-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"
        d="M7 18h10a4 4 0 0 0 .6-7.96A6 6 0 0 0 6.1 9.2 4.5 4.5 0 0 0 7 18z" />
    </svg>
  );
}
