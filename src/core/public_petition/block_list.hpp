#pragma once
// What moderators have blocked: IP addresses and ranges, mail domains, and canonical emails. A
// signature that matches is kept but marked suspect (signature_screening.hpp), so a wrong entry can be
// undone without losing anyone's signature.
//
// Ranges are matched by prefix length: for each length in use, one hash lookup of the address cut to
// that length. A list of 100,000 ranges in a dozen lengths costs a dozen lookups per signature.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/public_petition/canonical_email.hpp"
#include "core/public_petition/domain_pattern.hpp"
#include "core/public_petition/ip_address.hpp"

namespace recall::public_petition {

// Lets the sets below be searched with a string_view, without building a string per lookup.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept;
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

class IpRangeSet {
 public:
  void add(const CidrRange& range);
  [[nodiscard]] bool contains(const IpAddress& address) const;
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  struct Key {
    std::uint64_t high;
    std::uint64_t low;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const noexcept;
  };
  struct Bucket {
    int prefix;
    std::unordered_set<Key, KeyHash> networks;
  };
  static Bucket& bucket_for(std::vector<Bucket>& buckets, int prefix);

  std::vector<Bucket> v4_;  // one per prefix length in use, longest first
  std::vector<Bucket> v6_;
  std::size_t size_ = 0;
};

class DomainSet {
 public:
  void add(const DomainPattern& pattern);
  [[nodiscard]] bool contains(std::string_view mail_domain) const;  // exact, or under a "*." entry
  [[nodiscard]] std::size_t size() const { return exact_.size() + with_subdomains_.size(); }

 private:
  StringSet exact_;
  StringSet with_subdomains_;
};

enum class BlockKind { ip, domain, email };
std::string_view to_string(BlockKind kind);  // "ip", "domain", "email"
std::optional<BlockKind> parse_block_kind(std::string_view text);  // those names; nullopt otherwise

class BlockList {
 public:
  void block_ip(const CidrRange& range) { ips_.add(range); }
  void block_domain(const DomainPattern& pattern) { domains_.add(pattern); }
  void block_email(std::string canonical) { emails_.insert(std::move(canonical)); }

  // The first kind of entry the signer matches (IP, then email, then domain), or nullopt.
  [[nodiscard]] std::optional<BlockKind> match(const IpAddress& ip, const EmailAddress& email) const;
  [[nodiscard]] std::size_t size() const { return ips_.size() + domains_.size() + emails_.size(); }

 private:
  IpRangeSet ips_;
  DomainSet domains_;
  StringSet emails_;
};

// A block list from text, one entry a line: "ip 198.51.100.0/24", "domain *.example.com",
// "email someone@example.com" (made canonical). Blank lines and "#" comments are skipped. Throws
// Error(invalid_input) with `file`, the line, and the column of the bad entry.
BlockList parse_block_list(std::string_view text, std::string_view file);

// One line of such a file, its value in canonical text ("198.51.100.0/24", "*.example.com", the
// canonical email): what a store keeps, so `recall public-petition block import` can save a file.
struct BlockEntry {
  BlockKind kind = BlockKind::ip;
  std::string value;
  int line = 0;

  bool operator==(const BlockEntry&) const = default;
};
// The same rules and errors as parse_block_list; the entries in file order.
std::vector<BlockEntry> parse_block_entries(std::string_view text, std::string_view file);

}  // namespace recall::public_petition
