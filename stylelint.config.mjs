/** CSS must use logical properties (inline/block, start/end), so the layout mirrors for Urdu. */
export default {
  plugins: ['stylelint-use-logical'],
  rules: {
    'csstools/use-logical': 'always',
    'declaration-no-important': true,
    'color-no-invalid-hex': true,
    'block-no-empty': true,
  },
};
