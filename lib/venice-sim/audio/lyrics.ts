// Lyrics → a sequence of sung syllables (vowel + whether a consonant starts it). The vocal
// voice uses the vowel to pick formants, so the "singing" follows the words' vowel sounds.

export type Vowel = "a" | "e" | "i" | "o" | "u";
export type Syllable = { vowel: Vowel; consonant: boolean };

export function lyricSyllables(lyrics: string): Syllable[] {
  const text = lyrics
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, " ") // section tags such as [Chorus]
    .replace(/\([^)]*\)/g, " ");
  const syllables: Syllable[] = [];
  for (const raw of text.match(/[a-zà-ÿ']+/g) ?? []) {
    // A silent final "e" ("shine", "love") is not a syllable of its own.
    const word = /[aeiouy][^aeiouy]+e$/.test(raw) ? raw.slice(0, -1) : raw;
    // Each vowel group is a syllable; the consonants before it make its onset.
    const re = /([^aeiouyà-ÿ]*)([aeiouyà-ÿ]+)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(word)) !== null) {
      syllables.push({ vowel: vowelOf(m[2] ?? "a"), consonant: (m[1] ?? "").replace(/'/g, "").length > 0 });
    }
  }
  return syllables;
}

function vowelOf(group: string): Vowel {
  const c = group.normalize("NFD").replace(/[\u0300-\u036f]/g, "")[0] ?? "a";
  if (c === "y") return "i";
  return (["a", "e", "i", "o", "u"].includes(c) ? c : "a") as Vowel;
}
