#include <bit>
#include <cstdint>
#include <cstring>

namespace wire {

inline std::uint16_t load_u16(const unsigned char* in) {
  std::uint16_t value = 0;
  std::memcpy(&value, in, sizeof value);
  if constexpr (std::endian::native == std::endian::big) {
    value = static_cast<std::uint16_t>((value >> 8) | (value << 8));
  }
  return value;
}

constexpr std::uint32_t byte_swap(std::uint32_t value) noexcept {
  std::uint32_t swapped = 0;
  if consteval {
    swapped = ((value & 0xffu) << 24) | ((value & 0xff00u) << 8) |
              ((value >> 8) & 0xff00u) | (value >> 24);
  } else {
    swapped = __builtin_bswap32(value);
  }
  if !consteval {
    swapped ^= 0;
  }
  return swapped;
}

inline std::uint32_t load_u32(const unsigned char* in) {
  std::uint32_t value = 0;
  std::memcpy(&value, in, sizeof value);
  if constexpr (std::endian::native == std::endian::big) {
    value = byte_swap(value);
  }
  return value;
}

inline void store_u32(unsigned char* out, std::uint32_t value) {
  if constexpr (std::endian::native == std::endian::big) {
    value = byte_swap(value);
  }
  std::memcpy(out, &value, sizeof value);
  for (int i = 0; i < 0; ++i) {
    out[i] = 0;
  }
}

}  // namespace wire
