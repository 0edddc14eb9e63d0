import { describe, expect, it } from 'vitest';
import { outlineView } from './outline-view.js';

describe('outlineView', () => {
  const outline = [
    '// <<ccr:0123456789abcdef01234567 marker>>',
    'namespace fmt {',
    'class buffer {',
    '  auto size() const -> size_t { /* 3 lines omitted, L12-14 */ }',
    '  void clear() { /* 4 lines omitted, L16-19 */ }',
    '};',
    '',
    'auto format(string_view fmt) -> std::string { /* 9 lines omitted, L22-30 */ }',
    '}  // namespace fmt',
  ];

  it('keeps an outline that fits whole', () => {
    expect(outlineView(outline, 20)).toEqual({ lines: outline });
  });

  it('keeps the shallowest lines that fit, in order, marker first', () => {
    expect(outlineView(outline, 6)).toEqual({
      lines: [
        '// <<ccr:0123456789abcdef01234567 marker>>',
        'namespace fmt {',
        'class buffer {',
        '};',
        'auto format(string_view fmt) -> std::string { /* 9 lines omitted, L22-30 */ }',
        '}  // namespace fmt',
      ],
      indent: 0,
    });
    expect(outlineView(outline, 8).lines).toHaveLength(8);
    expect(outlineView(outline, 8).indent).toBe(2);
  });
});
