// The page's colour scheme: the member's choice in this browser (`data-theme` on <html>, set
// before paint by ThemeScript), or the system's when they chose none. Plain module: the theme
// script's server side reads THEME_STORAGE_KEY, the browser side the rest.

export type ThemeChoice = "light" | "dark" | "system";

export const THEME_STORAGE_KEY = "venice-studio.theme";
const DARK_SCHEME = "(prefers-color-scheme: dark)";

/** The choice in force on this page (browser only): what <html> says, or "system". */
export function appliedTheme(): ThemeChoice {
  const theme = document.documentElement.dataset.theme;
  return theme === "light" || theme === "dark" ? theme : "system";
}

/** Whether the page is dark now: the choice, or the system's scheme under "system". */
export function isDarkScheme(): boolean {
  const theme = appliedTheme();
  return theme === "dark" || (theme === "system" && window.matchMedia(DARK_SCHEME).matches);
}

/** Calls `listener` when the page's scheme may have changed (a choice made, or the system's); returns the unsubscribe. */
export function onColorSchemeChange(listener: () => void): () => void {
  const media = window.matchMedia(DARK_SCHEME);
  media.addEventListener("change", listener);
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => {
    media.removeEventListener("change", listener);
    observer.disconnect();
  };
}
