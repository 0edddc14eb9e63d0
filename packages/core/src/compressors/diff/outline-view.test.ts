import { describe, expect, it } from 'vitest';
import { outlineView } from './outline-view.js';

describe('outlineView', () => {
  const outline = [
    '// <<ccr:0123456789abcdef01234567 marker>>',
    'namespace fmt {',
    'class buffer {',
    '  auto size() const -> size_t { /* lines 12-14 omitted */ }',
    '  void clear() { /* lines 16-19 omitted */ }',
    '};',
    '',
    'auto format(string_view fmt) -> std::string { /* lines 22-30 omitted */ }',
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
        'auto format(string_view fmt) -> std::string { /* lines 22-30 omitted */ }',
        '}  // namespace fmt',
      ],
      indent: 0,
    });
    expect(outlineView(outline, 8).lines).toHaveLength(8);
    expect(outlineView(outline, 8).indent).toBe(2);
  });
});
