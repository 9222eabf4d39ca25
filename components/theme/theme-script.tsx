import { headers } from "next/headers";
import { THEME_STORAGE_KEY } from "@/components/theme/color-scheme";

// Applies the stored theme choice before the first paint, so a page never flashes the other
// scheme. An inline script may run only with this response's CSP nonce (proxy.ts), which
// proxy.ts puts in the request's own Content-Security-Policy header for the page to read.
const SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}`;

/** The nonce of this response's script-src, or undefined (then the script does not run: the page follows the system). */
async function scriptNonce(): Promise<string | undefined> {
  const policy = (await headers()).get("content-security-policy") ?? "";
  return /'nonce-([^']+)'/.exec(policy)?.[1];
}

export async function ThemeScript() {
  // The browser hides a nonce from the DOM once parsed, so hydration would see it differ.
  return <script nonce={await scriptNonce()} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}
