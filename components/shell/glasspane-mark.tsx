/** The Glasspane logo: a pane of glass with a highlight. Decorative; label the link around it. */
export function GlasspaneMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={className} aria-hidden="true" focusable="false">
      <rect x="2.5" y="2.5" width="19" height="19" rx="3" fill="#49afd9" fillOpacity="0.25" stroke="#49afd9" strokeWidth="1.5" />
      <path d="M12 2.5v19M2.5 12h19" stroke="#49afd9" strokeWidth="1.2" strokeOpacity="0.7" />
      <path d="M5.5 9.5l4-4M5.5 14l8.5-8.5" stroke="#ffffff" strokeWidth="1.4" strokeLinecap="round" strokeOpacity="0.85" />
    </svg>
  );
}
