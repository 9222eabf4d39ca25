// ISO 639-1 codes offered in the language select, with their English names.
const CODES = [
  "ar", "bn", "cs", "da", "de", "el", "en", "es", "fa", "fi", "fr", "he", "hi", "hu", "id", "it", "ja", "ko",
  "ms", "nl", "no", "pl", "pt", "ro", "ru", "sv", "sw", "ta", "th", "tr", "uk", "ur", "vi", "zh",
];

let options: { code: string; name: string }[] | undefined;

export function languageOptions(): { code: string; name: string }[] {
  if (!options) {
    const names = new Intl.DisplayNames(["en"], { type: "language" });
    options = CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name));
  }
  return options;
}
