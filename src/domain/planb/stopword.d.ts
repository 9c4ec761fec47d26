// The stopword package ships no types: the language lists Plan B reads (ISO 639-3 names).
declare module 'stopword' {
  export const eng: string[];
  export const deu: string[];
  export const fra: string[];
  export const spa: string[];
  export const ita: string[];
  export const nld: string[];
  export const por: string[];
}

// stopwords-en is a JSON array of English stopwords (the long list of stopwords-iso).
declare module 'stopwords-en' {
  const words: string[];
  export default words;
}
