// Passwords, tokens and ids: everything that needs a cryptographic random
// source or hash, over libsodium.
//
// Password hashing is deliberately slow (argon2id, about 70 ms and 64 MiB):
// call it from a request worker, never from an I/O thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tandem::app {

// Throws std::runtime_error if libsodium cannot start (no entropy source).
void init_crypto();

std::string hash_password(std::string_view password);  // argon2id, PHC string
bool verify_password(std::string_view password, const std::string& hash);

std::string random_token();                      // 256 bits, URL-safe base64
std::string new_id(std::string_view prefix);     // e.g. "u-3f9c2a..." (128 bits)
std::string new_uuid();                          // random RFC 4122 version 4, lower case: what Open Referral UK ids are
std::string token_hash(std::string_view token);  // BLAKE2b-256, hex: what the store keeps
std::string mac(std::string_view key, std::string_view message);  // HMAC-SHA512/256, hex
bool constant_time_equal(std::string_view a, std::string_view b);
// As new_id, the same length, but the first 64 bits are `micros` so ids sort by
// time: rows keyed by them append to a B-tree rather than land anywhere in it.
std::string new_time_ordered_id(std::string_view prefix, std::int64_t micros);

}  // namespace tandem::app
