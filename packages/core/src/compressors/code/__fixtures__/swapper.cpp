#include <cstdint>

namespace bits {

class Swapper {
 public:
  constexpr std::uint32_t swap(std::uint32_t value) const noexcept {
    std::uint32_t out = 0;
    if consteval {
      out = (value << 24) | ((value >> 8) & 0xff00u) | (value >> 24);
    } else {
      out = __builtin_bswap32(value);
    }
    return out ^ seed_;
  }

 private:
  std::uint32_t seed_ = 0;
};

inline std::uint32_t mix(std::uint32_t a, std::uint32_t b) {
  std::uint32_t h = a * 0x9e3779b9u;
  h ^= b + 0x7f4a7c15u + (h << 6) + (h >> 2);
  h ^= h >> 16;
  return h;
}

}  // namespace bits
