#include <cstdint>

namespace bits {

template <typename T>
class Swapper {
 public:
  explicit Swapper(T seed) : seed_(seed) {}

  constexpr T swap(T value) const noexcept {
    T out = 0;
    if consteval {
      for (unsigned i = 0; i < sizeof(T); ++i) {
        out = static_cast<T>((out << 8) | ((value >> (8 * i)) & 0xff));
      }
    } else {
      out = static_cast<T>(__builtin_bswap64(value) >> (64 - 8 * sizeof(T)));
    }
    return out ^ seed_;
  }

  T reseed(T seed) {
    T old = seed_;
    seed_ = seed ^ (old << 1);
    return old;
  }

 private:
  T seed_;
};

template <typename T>
constexpr T rotate(T value, int by) {
  T out = value;
  if consteval {
    out = static_cast<T>((value << by) | (value >> (8 * sizeof(T) - by)));
  } else {
    out = static_cast<T>(__builtin_rotateleft64(value, by));
  }
  return out;
}

inline std::uint32_t mix(std::uint32_t a, std::uint32_t b) {
  std::uint32_t h = a * 0x9e3779b9u;
  h ^= b + 0x7f4a7c15u + (h << 6) + (h >> 2);
  return h;
}

inline std::uint32_t fold(std::uint64_t v) {
  std::uint32_t high = static_cast<std::uint32_t>(v >> 32);
  std::uint32_t low = static_cast<std::uint32_t>(v);
  return mix(high, low);
}

}  // namespace bits
