// Prettier's defaults (double quotes, semicolons, trailing commas, parentheses around an arrow's parameter)
// are already the code's style; only the width is ours. 170 columns: 99% of the code's lines fit in 166, and of
// the widths tried (120 to 200) this one rewrites the fewest lines as they are written today.
// Prettier formats the code and the JSON files only (.prettierignore): in Markdown it would pad every table
// (README's are generated, and checked, by scripts/docs-permissions.mjs) and turn *emphasis* into _emphasis_.
/** @type {import("prettier").Config} */
export default {
  printWidth: 170,
};
