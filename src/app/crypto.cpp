#include "app/crypto.h"

#include <array>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <sodium.h>

namespace tandem::app {

namespace {
std::string to_hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}
// Each argon2id hash takes 64 MiB: however many request threads there are,
// hash at most two at once, so a burst of sign-ins cannot exhaust memory.
class HashSlots {
 public:
  void acquire() {
    std::unique_lock lock(mutex_);
    free_.wait(lock, [&] { return in_use_ < kSlots; });
    ++in_use_;
  }
  void release() {
    {
      std::lock_guard lock(mutex_);
      --in_use_;
    }
    free_.notify_one();
  }

 private:
  static constexpr int kSlots = 2;
  std::mutex mutex_;
  std::condition_variable free_;
  int in_use_ = 0;
};

HashSlots& hash_slots() {
  static HashSlots slots;
  return slots;
}

struct SlotGuard {
  SlotGuard() { hash_slots().acquire(); }
  ~SlotGuard() { hash_slots().release(); }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;
};

}  // namespace

void init_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not initialise (no entropy source?)");
}

std::string hash_password(std::string_view password) {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  const SlotGuard slot;
  if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return std::string(out.data());
}

bool verify_password(std::string_view password, const std::string& hash) {
  const SlotGuard slot;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_token() {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string new_id(std::string_view prefix) {
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return std::string(prefix) + "-" + to_hex(bytes.data(), bytes.size());
}

std::string new_time_ordered_id(std::string_view prefix, std::int64_t micros) {
  std::array<unsigned char, 16> bytes{};
  auto t = static_cast<std::uint64_t>(micros);
  for (int i = 7; i >= 0; --i, t >>= 8) bytes[static_cast<std::size_t>(i)] = static_cast<unsigned char>(t & 0xff);
  randombytes_buf(bytes.data() + 8, 8);
  return std::string(prefix) + "-" + to_hex(bytes.data(), bytes.size());
}

std::string new_uuid() {
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);
  const std::string hex = to_hex(bytes.data(), bytes.size());
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20);
}

std::string token_hash(std::string_view token) {
  std::array<unsigned char, 32> out{};
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return to_hex(out.data(), out.size());
}

std::string mac(std::string_view key, std::string_view message) {
  // HMAC-SHA512/256 wants a 32-byte key: derive one from any key text.
  std::array<unsigned char, crypto_auth_KEYBYTES> k{};
  crypto_generichash(k.data(), k.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
  std::array<unsigned char, crypto_auth_BYTES> out{};
  crypto_auth(out.data(), reinterpret_cast<const unsigned char*>(message.data()), message.size(), k.data());
  return to_hex(out.data(), out.size());
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tandem::app
