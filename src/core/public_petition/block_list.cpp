#include "core/public_petition/block_list.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/base/error.hpp"

namespace recall::public_petition {

namespace {

// A comment starts at a "#" that begins the line or follows a space: "#" is also a legal character
// in an email's local part ("email a#b@example.org").
std::string_view without_comment(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return line.substr(0, i);
  }
  return line;
}

}  // namespace

std::size_t StringHash::operator()(std::string_view text) const noexcept {
  return std::hash<std::string_view>{}(text);
}

std::size_t IpRangeSet::KeyHash::operator()(const Key& key) const noexcept {
  // The halves mixed so that networks differing only in high bits spread too.
  const std::uint64_t mixed =
      key.high * 0x9E3779B97F4A7C15ULL ^ (key.low + 0x632BE59BD9B4E019ULL + (key.high << 6));
  return static_cast<std::size_t>(mixed ^ (mixed >> 29));
}

IpRangeSet::Bucket& IpRangeSet::bucket_for(std::vector<Bucket>& buckets, int prefix) {
  auto found =
      std::find_if(buckets.begin(), buckets.end(), [&](const Bucket& b) { return b.prefix == prefix; });
  if (found != buckets.end()) return *found;
  buckets.push_back(Bucket{prefix, {}});
  std::sort(buckets.begin(), buckets.end(),
            [](const Bucket& a, const Bucket& b) { return a.prefix > b.prefix; });
  return *std::find_if(buckets.begin(), buckets.end(), [&](const Bucket& b) { return b.prefix == prefix; });
}

void IpRangeSet::add(const CidrRange& range) {
  auto& buckets = range.network.family() == IpAddress::Family::v4 ? v4_ : v6_;
  const IpAddress network = range.network.masked(range.prefix);
  if (bucket_for(buckets, range.prefix).networks.insert(Key{network.high(), network.low()}).second) ++size_;
}

bool IpRangeSet::contains(const IpAddress& address) const {
  const auto& buckets = address.family() == IpAddress::Family::v4 ? v4_ : v6_;
  for (const Bucket& bucket : buckets) {
    const IpAddress network = address.masked(bucket.prefix);
    if (bucket.networks.contains(Key{network.high(), network.low()})) return true;
  }
  return false;
}

void DomainSet::add(const DomainPattern& pattern) {
  (pattern.include_subdomains ? with_subdomains_ : exact_).insert(pattern.domain);
}

bool DomainSet::contains(std::string_view mail_domain) const {
  const std::string domain = normalise_domain(mail_domain);
  if (exact_.contains(domain)) return true;
  // Try the domain and each parent in turn: "a.b.example.com", "b.example.com", "example.com", "com".
  std::string_view rest(domain);
  while (!rest.empty()) {
    if (with_subdomains_.contains(rest)) return true;
    const std::size_t dot = rest.find('.');
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  return false;
}

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::ip:
      return "ip";
    case BlockKind::domain:
      return "domain";
    case BlockKind::email:
      return "email";
  }
  return "ip";
}

std::optional<BlockKind> parse_block_kind(std::string_view text) {
  for (const BlockKind kind : {BlockKind::ip, BlockKind::domain, BlockKind::email}) {
    if (text == to_string(kind)) return kind;
  }
  return std::nullopt;
}

std::optional<BlockKind> BlockList::match(const IpAddress& ip, const EmailAddress& email) const {
  if (ips_.contains(ip)) return BlockKind::ip;
  if (emails_.contains(email.canonical)) return BlockKind::email;
  if (domains_.contains(email.domain)) return BlockKind::domain;
  return std::nullopt;
}

namespace {

// Walks the lines of a block list file and calls `take(kind, value, line)` for each entry, with the value
// still as typed; an Error from `take` (a parser naming its field) comes out with the file, line and
// column of the value, which are known only here.
template <typename Take>
void for_each_block_line(std::string_view text, std::string_view file, Take take) {
  int line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    line = without_comment(line);
    const std::size_t kind_at = line.find_first_not_of(" \t\r");
    if (kind_at == std::string_view::npos) continue;
    const std::size_t kind_end = std::min(line.find_first_of(" \t", kind_at), line.size());
    const std::string_view kind = line.substr(kind_at, kind_end - kind_at);
    const std::size_t value_at = line.find_first_not_of(" \t", kind_end);
    const std::size_t value_end = line.find_last_not_of(" \t\r");
    const auto where = [&](std::size_t column, std::string field) {
      return SourceLocation{std::string(file), line_number, static_cast<int>(column + 1), std::move(field)};
    };
    if (value_at == std::string_view::npos) {
      throw_invalid(fmt::format("\"{}\" needs a value after it", kind), where(kind_end, std::string(kind)));
    }
    const std::string_view value = line.substr(value_at, value_end + 1 - value_at);
    const std::optional<BlockKind> block_kind = parse_block_kind(kind);
    if (!block_kind) {
      throw_invalid(fmt::format("unknown entry \"{}\"; expected ip, domain or email", kind),
                    where(kind_at, "kind"));
    }
    try {
      take(*block_kind, value, line_number);
    } catch (const Error& error) {
      throw_invalid(error.message(), where(value_at, std::string(kind)));
    }
  }
}

}  // namespace

BlockList parse_block_list(std::string_view text, std::string_view file) {
  BlockList list;
  for_each_block_line(text, file, [&](BlockKind kind, std::string_view value, int) {
    switch (kind) {
      case BlockKind::ip: list.block_ip(parse_cidr(value, "ip")); break;
      case BlockKind::domain: list.block_domain(parse_domain_pattern(value, "domain")); break;
      case BlockKind::email: list.block_email(parse_email_address(value, "email").canonical); break;
    }
  });
  return list;
}

std::vector<BlockEntry> parse_block_entries(std::string_view text, std::string_view file) {
  std::vector<BlockEntry> entries;
  for_each_block_line(text, file, [&](BlockKind kind, std::string_view value, int line) {
    std::string canonical;
    switch (kind) {
      case BlockKind::ip: canonical = to_string(parse_cidr(value, "ip")); break;
      case BlockKind::domain: canonical = to_string(parse_domain_pattern(value, "domain")); break;
      case BlockKind::email: canonical = parse_email_address(value, "email").canonical; break;
    }
    entries.push_back(BlockEntry{kind, std::move(canonical), line});
  });
  return entries;
}

}  // namespace recall::public_petition
