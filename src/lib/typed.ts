// What an operator types, read as what it stands for.
//
// A Korean or Japanese input method in full-width mode commits full-width digits ("５３２８４３", U+FF10…U+FF19).
// They are the same digits to the person typing; NFKC (Unicode's compatibility normalisation) maps them, and
// the other full-width forms, to the ASCII characters AWS takes. Used where a code or number is typed; not on
// names, where NFKC would rewrite Hangul jamo the operator chose.
export const asTyped = (text: string): string => text.normalize("NFKC");
