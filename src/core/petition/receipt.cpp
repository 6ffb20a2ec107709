#include "core/petition/receipt.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

#include "core/base/error.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/proof_verifier.hpp"
#include "core/ledger/signed_note.hpp"

namespace recall {

namespace {

// Crockford's base32: digits and capitals without I, L, O and U, so a code read aloud or copied by
// hand has no pair of characters that look alike.
constexpr std::string_view crockford_alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t code_characters = 26;  // ceil(128 / 5); the last character carries 2 padding bits
constexpr std::size_t code_group = 4;

int crockford_value(char c) noexcept {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'I' || c == 'L') return 1;  // the usual misreadings of a handwritten 1
  if (c == 'O') return 0;
  const auto at = crockford_alphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

constexpr std::string_view receipt_file = "receipt";
constexpr std::string_view first_line = "recall-receipt/1";
// A tree of at most 2^64 leaves has audit paths of at most 64 hashes.
constexpr std::size_t max_proof_hashes = 64;

[[noreturn]] void bad_line(int line, std::string field, std::string message) {
  throw Error(ErrorKind::invalid_input, std::move(message),
              SourceLocation{std::string(receipt_file), line, 0, std::move(field)});
}

struct Line {
  int number = 0;
  std::string_view key;    // before the first space
  std::string_view value;  // after it; empty when the line has no space
  bool has_value = false;
};

std::vector<std::uint8_t> decode_base64_field(const Line& line) {
  try {
    return ledger::from_base64(line.value);
  } catch (const Error& e) {
    bad_line(line.number, std::string(line.key), fmt::format("'{}' is not valid base64: {}", line.key, e.message()));
  }
}

std::uint64_t parse_index(const Line& line) {
  const std::string_view text = line.value;
  const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || (text.size() > 1 && text.front() == '0')) {
    bad_line(line.number, "index", fmt::format("'index' must be a whole number without leading zeros, not \"{}\"", text));
  }
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    bad_line(line.number, "index", fmt::format("'index' \"{}\" does not fit in 64 bits", text));
  }
  return value;
}

// The signed checkpoint runs from `first_line_number` to the end of the file. Its structure is checked
// here (so a damaged receipt is refused when read, naming the file's line); its signature is not,
// because that needs the trusted key (verify_receipt).
void check_checkpoint_structure(std::string_view note, int first_line_number) {
  try {
    const auto parsed = ledger::parse_signed_note(note);
    (void)ledger::parse_checkpoint(parsed.text);
  } catch (const Error& e) {
    const int line = e.where() && e.where()->line > 0 ? first_line_number + e.where()->line - 1 : first_line_number;
    bad_line(line, "checkpoint", fmt::format("the checkpoint is malformed: {}", e.message()));
  }
}

}  // namespace

std::string receipt_code(const ReceiptNonce& nonce) {
  std::string out;
  out.reserve(code_characters + code_characters / code_group);
  std::uint32_t buffer = 0;
  unsigned bits = 0;
  std::size_t written = 0;
  auto put = [&](std::uint32_t value) {
    if (written > 0 && written % code_group == 0) out.push_back('-');
    out.push_back(crockford_alphabet[value & 0x1fU]);
    ++written;
  };
  for (const std::uint8_t byte : nonce) {
    buffer = (buffer << 8U) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      put(buffer >> bits);
    }
  }
  if (bits > 0) put(buffer << (5 - bits));  // padded with zero bits on the right
  return out;
}

std::optional<ReceiptNonce> parse_receipt_code(std::string_view text) {
  std::vector<int> values;
  values.reserve(code_characters);
  for (const char c : text) {
    if (c == '-' || c == ' ') continue;
    const int value = crockford_value(c);
    if (value < 0 || values.size() == code_characters) return std::nullopt;
    values.push_back(value);
  }
  if (values.size() != code_characters) return std::nullopt;
  ReceiptNonce nonce{};
  std::uint32_t buffer = 0;
  unsigned bits = 0;
  std::size_t next = 0;
  for (const int value : values) {
    buffer = (buffer << 5U) | static_cast<std::uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      nonce[next++] = static_cast<std::uint8_t>(buffer >> bits);
      buffer &= (1U << bits) - 1U;
    }
  }
  if (buffer != 0) return std::nullopt;  // the 2 padding bits must be zero: one code per nonce
  return nonce;
}

std::string format_receipt_file(const ReceiptFile& file) {
  const auto leaf = encode_leaf(file.receipt.leaf);
  std::string out = fmt::format("{}\norigin {}\ncode {}\nleaf {}\n", first_line, file.receipt.origin,
                                receipt_code(file.receipt.leaf.nonce),
                                ledger::to_base64(ledger::ByteView(leaf.data(), leaf.size())));
  if (file.proof) {
    out += fmt::format("index {}\n", file.proof->leaf_index);
    for (const auto& hash : file.proof->inclusion) out += fmt::format("proof {}\n", ledger::to_base64(hash));
    out += "checkpoint\n";
    out += file.proof->checkpoint;
  }
  return out;
}

ReceiptFile parse_receipt_file(std::string_view text) {
  if (text.empty()) bad_line(1, {}, "the receipt is empty");
  if (text.back() != '\n') {
    bad_line(static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1, {}, "the receipt must end with a newline");
  }
  // Fields come one a line in a fixed order, so that each receipt has exactly one spelling:
  //   origin, code, leaf, then optionally index, proof (zero or more), checkpoint and the note.
  ReceiptFile out;
  std::optional<ReceiptNonce> code;
  int code_line = 0;
  std::optional<std::uint64_t> index;
  std::vector<ledger::Hash> proof;
  std::string_view rest = text;
  int number = 0;
  auto take_line = [&]() {
    const std::size_t end = rest.find('\n');
    Line line;
    line.number = ++number;
    const std::string_view whole = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    if (whole.find('\r') != std::string_view::npos) bad_line(line.number, {}, "the line ends with a carriage return");
    const std::size_t space = whole.find(' ');
    line.key = whole.substr(0, space);
    if (space != std::string_view::npos) {
      line.value = whole.substr(space + 1);
      line.has_value = true;
    }
    return line;
  };

  if (const Line head = take_line(); head.key != first_line || head.has_value) {
    bad_line(1, "format", fmt::format("the first line must be \"{}\"", first_line));
  }
  // Where each field may appear: its position in the order above.
  constexpr std::array<std::string_view, 6> order{"origin", "code", "leaf", "index", "proof", "checkpoint"};
  std::size_t position = 0;  // the first field that may come next
  while (!rest.empty()) {
    const Line line = take_line();
    const std::string key(line.key);
    const auto found = std::find(order.begin(), order.end(), line.key);
    if (found == order.end()) {
      bad_line(line.number, key, key.empty() ? "a line starts without a field name" : fmt::format("unknown field '{}'", key));
    }
    const auto at = static_cast<std::size_t>(found - order.begin());
    // Every field before `position` has been read (the required ones cannot be skipped, and 'proof'
    // keeps `position` at itself), so a field behind it is a repeat.
    if (at < position) bad_line(line.number, key, fmt::format("'{}' is repeated", key));
    // The first three are required, in order.
    if (position < std::min<std::size_t>(at, 3)) {
      bad_line(line.number, std::string(order[position]), fmt::format("'{}' is missing", order[position]));
    }
    if (key != "checkpoint" && !line.has_value) bad_line(line.number, key, fmt::format("'{}' has no value", key));
    if (key == "origin") {
      if (line.value.empty()) bad_line(line.number, key, "'origin' is empty");
      out.receipt.origin = std::string(line.value);
    } else if (key == "code") {
      code = parse_receipt_code(line.value);
      if (!code) bad_line(line.number, key, fmt::format("'code' \"{}\" is not a receipt code", line.value));
      code_line = line.number;
    } else if (key == "leaf") {
      const auto bytes = decode_base64_field(line);
      try {
        out.receipt.leaf = decode_leaf(bytes);
      } catch (const Error& e) {
        const int octet = e.where() ? e.where()->column : 0;
        bad_line(line.number, key, fmt::format("the leaf does not decode: {} (octet {})", e.message(), octet));
      }
      if (out.receipt.leaf.nonce == ReceiptNonce{}) bad_line(line.number, key, "the leaf has no receipt nonce");
      if (out.receipt.leaf.nonce != *code) {
        bad_line(code_line, "code", "'code' does not match the leaf's receipt nonce");
      }
    } else if (key == "index") {
      index = parse_index(line);
    } else if (key == "proof") {
      if (!index) bad_line(line.number, key, "'proof' comes after 'index'; 'index' is missing");
      const auto bytes = decode_base64_field(line);
      if (bytes.size() != ledger::hash_size) {
        bad_line(line.number, key, fmt::format("a 'proof' hash has {} octets, not {}", bytes.size(), ledger::hash_size));
      }
      if (proof.size() == max_proof_hashes) {
        bad_line(line.number, key, fmt::format("more than {} 'proof' hashes", max_proof_hashes));
      }
      proof.emplace_back();
      std::copy(bytes.begin(), bytes.end(), proof.back().begin());
    } else {  // checkpoint: the signed note, verbatim, to the end of the file
      if (line.has_value) bad_line(line.number, key, "'checkpoint' stands alone on its line; the note follows it");
      if (!index) bad_line(line.number, "index", "'checkpoint' comes after 'index'; 'index' is missing");
      if (rest.empty()) bad_line(line.number + 1, key, "the signed checkpoint is missing after 'checkpoint'");
      check_checkpoint_structure(rest, line.number + 1);
      out.proof = ReceiptProof{*index, std::move(proof), std::string(rest)};
      return out;
    }
    position = key == "proof" ? at : at + 1;
  }
  if (position < 3) bad_line(number + 1, std::string(order[position]), fmt::format("'{}' is missing", order[position]));
  if (index) bad_line(number + 1, "checkpoint", "the receipt has a proof without its checkpoint");
  return out;
}

ReceiptVerification verify_receipt(const ReceiptFile& file, const ledger::VerifierKey& key) {
  ReceiptVerification out;
  if (!file.proof) {
    out.message = "the receipt carries no inclusion proof; check it against the published leaves";
    return out;
  }
  const ReceiptProof& proof = *file.proof;
  out.leaf_index = proof.leaf_index;
  ledger::Checkpoint checkpoint;
  try {
    checkpoint = ledger::open_checkpoint(proof.checkpoint, key);
  } catch (const Error& e) {
    out.message = fmt::format("checkpoint: {}", e.message());
    return out;
  }
  out.tree_size = checkpoint.size;
  if (checkpoint.origin != file.receipt.origin) {
    out.message = fmt::format("the checkpoint is for log \"{}\", but the receipt is for \"{}\"", checkpoint.origin,
                              file.receipt.origin);
    return out;
  }
  if (proof.leaf_index >= checkpoint.size) {
    out.message = fmt::format("leaf index {} is beyond the checkpoint's {} leaves", proof.leaf_index, checkpoint.size);
    return out;
  }
  const auto leaf = encode_leaf(file.receipt.leaf);
  const ledger::Hash leaf_hash = ledger::leaf_hash(ledger::ByteView(leaf.data(), leaf.size()));
  if (!ledger::verify_inclusion(leaf_hash, proof.leaf_index, checkpoint.size, proof.inclusion, checkpoint.root)) {
    out.message = fmt::format("the inclusion proof does not show this leaf at index {} of the checkpoint's {} leaves",
                              proof.leaf_index, checkpoint.size);
    return out;
  }
  out.ok = true;
  out.message = fmt::format("the leaf is included at index {} of {} in the checkpoint signed by {}", proof.leaf_index,
                            checkpoint.size, key.name);
  return out;
}

}  // namespace recall
