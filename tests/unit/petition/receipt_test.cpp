// Receipt codes and files: round trips, the typing slips a code forgives, every malformed file refused
// with the line and field, and verification that fails, with its reason, for anything tampered.
#include "core/petition/receipt.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/base/error.hpp"
#include "core/ledger/checkpoint.hpp"
#include "core/ledger/encoding.hpp"
#include "core/ledger/merkle_log.hpp"

namespace recall {
namespace {

const std::string origin = "recall.test/petitions/7";

ReceiptNonce counting_nonce() {
  ReceiptNonce nonce{};
  for (std::size_t i = 0; i < nonce.size(); ++i) nonce[i] = static_cast<std::uint8_t>(i * 17 + 1);
  return nonce;
}

LedgerLeaf leaf_with(std::uint8_t seed) {
  LedgerLeaf leaf;
  leaf.petition_id = 7;
  leaf.channel = SigningChannel::in_person;
  leaf.day = make_date(2019, 3, 19);
  leaf.place_id = 2;
  leaf.elector_hash.fill(seed);
  leaf.nonce.fill(seed);
  leaf.nonce[0] = 0xA5;
  return leaf;
}

// A log of nine leaves signed by key; the receipt for leaf 5 with its proof.
ReceiptFile proven_receipt(const ledger::SignerKey& key) {
  ledger::MerkleLog log;
  std::vector<LedgerLeaf> leaves;
  for (std::uint8_t i = 1; i <= 9; ++i) {
    leaves.push_back(leaf_with(i));
    const auto bytes = encode_leaf(leaves.back());
    log.append(ledger::ByteView(bytes.data(), bytes.size()));
  }
  ReceiptFile file{Receipt{origin, leaves[5]}, ReceiptProof{}};
  file.proof->leaf_index = 5;
  file.proof->inclusion = log.inclusion_proof(5, log.size());
  file.proof->checkpoint = ledger::sign_checkpoint(ledger::Checkpoint{origin, log.size(), log.root(), {}}, key);
  return file;
}

// The error parse_receipt_file gives, as "line N (field F): message".
std::string parse_error(const std::string& text) {
  try {
    (void)parse_receipt_file(text);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    if (!e.where()) return "no location: " + e.message();
    EXPECT_EQ(e.where()->file, "receipt");
    return fmt::format("line {} (field {}): {}", e.where()->line, e.where()->field, e.message());
  }
  return "parsed";
}

std::string replace_line(std::string text, const std::string& prefix, const std::string& replacement) {
  const auto at = text.find("\n" + prefix) + 1;
  const auto end = text.find('\n', at);
  return text.replace(at, end - at, replacement);
}

TEST(ReceiptCode, IsTwentySixCrockfordCharactersInGroupsOfFour) {
  ReceiptNonce zeros{};
  EXPECT_EQ(receipt_code(zeros), "0000-0000-0000-0000-0000-0000-00");
  ReceiptNonce ones{};
  ones.fill(0xff);
  // 128 one bits: 25 characters of 31 ('Z'), then 3 ones and 2 zero padding bits = 28 ('W').
  EXPECT_EQ(receipt_code(ones), "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZW");
  ReceiptNonce first{};
  first[0] = 0x08;  // 00001 000.. : the first character is 1
  EXPECT_EQ(receipt_code(first), "1000-0000-0000-0000-0000-0000-00");
}

TEST(ReceiptCode, RoundTrips) {
  for (int seed = 0; seed < 64; ++seed) {
    ReceiptNonce nonce{};
    for (std::size_t i = 0; i < nonce.size(); ++i) nonce[i] = static_cast<std::uint8_t>(seed * 31 + i * 97);
    const std::string code = receipt_code(nonce);
    EXPECT_EQ(code.size(), 26u + 6u);
    EXPECT_EQ(parse_receipt_code(code), nonce) << code;
  }
}

TEST(ReceiptCode, ForgivesCaseSpacesHyphensAndLookalikes) {
  const ReceiptNonce nonce = counting_nonce();
  const std::string code = receipt_code(nonce);
  std::string compact;
  for (char c : code) {
    if (c != '-') compact.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  EXPECT_EQ(parse_receipt_code(compact), nonce);
  EXPECT_EQ(parse_receipt_code(" " + code.substr(0, 9) + " " + code.substr(9) + " "), nonce);

  ReceiptNonce with_ones_and_zeros{};  // 0x08 0x42 ... gives characters 1 and 0 to mistype
  with_ones_and_zeros[0] = 0x08;
  with_ones_and_zeros[1] = 0x42;
  const std::string exact = receipt_code(with_ones_and_zeros);
  ASSERT_EQ(exact.substr(0, 4), "1110");
  EXPECT_EQ(parse_receipt_code("IlL0" + exact.substr(4)), with_ones_and_zeros);
  EXPECT_EQ(parse_receipt_code("1iLo" + exact.substr(4)), with_ones_and_zeros);
  EXPECT_EQ(parse_receipt_code("111O" + exact.substr(4)), with_ones_and_zeros);
}

TEST(ReceiptCode, RefusesAnythingElse) {
  const std::string code = receipt_code(counting_nonce());
  EXPECT_FALSE(parse_receipt_code(""));
  EXPECT_FALSE(parse_receipt_code(code.substr(0, code.size() - 1)));   // 25 characters
  EXPECT_FALSE(parse_receipt_code(code + "0"));                        // 27
  EXPECT_FALSE(parse_receipt_code("U" + code.substr(1)));              // U is not in the alphabet
  EXPECT_FALSE(parse_receipt_code("*" + code.substr(1)));
  EXPECT_FALSE(parse_receipt_code(code.substr(0, code.size() - 1) + "1"));  // nonzero padding bits
  EXPECT_FALSE(parse_receipt_code("0000-0000-0000-0000-0000-0000-0_"));
}

TEST(ReceiptFile, RoundTripsWithoutAndWithProof) {
  const auto key = ledger::generate_signer_key("recall.test");
  const ReceiptFile bare{Receipt{origin, leaf_with(3)}, std::nullopt};
  const std::string bare_text = format_receipt_file(bare);
  EXPECT_EQ(bare_text.rfind("recall-receipt/1\norigin recall.test/petitions/7\ncode ", 0), 0u) << bare_text;
  EXPECT_EQ(parse_receipt_file(bare_text), bare);

  const ReceiptFile proven = proven_receipt(key);
  const std::string text = format_receipt_file(proven);
  EXPECT_NE(text.find("\nindex 5\nproof "), std::string::npos);
  EXPECT_NE(text.find("\ncheckpoint\n" + proven.proof->checkpoint), std::string::npos);
  EXPECT_EQ(parse_receipt_file(text), proven);
  EXPECT_EQ(format_receipt_file(parse_receipt_file(text)), text);
}

TEST(ReceiptFile, AProofMayBeEmptyForATreeOfOneLeaf) {
  const auto key = ledger::generate_signer_key("recall.test");
  const LedgerLeaf leaf = leaf_with(4);
  const auto bytes = encode_leaf(leaf);
  const auto root = ledger::leaf_hash(ledger::ByteView(bytes.data(), bytes.size()));
  const ReceiptFile file{Receipt{origin, leaf},
                         ReceiptProof{0, {}, ledger::sign_checkpoint(ledger::Checkpoint{origin, 1, root, {}}, key)}};
  const ReceiptFile parsed = parse_receipt_file(format_receipt_file(file));
  EXPECT_EQ(parsed, file);
  EXPECT_TRUE(verify_receipt(parsed, key.verifier()).ok);
}

TEST(ReceiptFile, MalformedFilesAreRefusedNamingLineAndField) {
  const auto key = ledger::generate_signer_key("recall.test");
  const std::string bare = format_receipt_file(ReceiptFile{Receipt{origin, leaf_with(3)}, std::nullopt});
  const std::string text = format_receipt_file(proven_receipt(key));
  const std::string leaf_line = text.substr(text.find("\nleaf ") + 1, text.find('\n', text.find("\nleaf ") + 1) - text.find("\nleaf ") - 1);
  const std::string code_line = text.substr(text.find("\ncode ") + 1, 37);

  EXPECT_EQ(parse_error(""), "line 1 (field ): the receipt is empty");
  EXPECT_EQ(parse_error(bare.substr(0, bare.size() - 1)), "line 4 (field ): the receipt must end with a newline");
  EXPECT_EQ(parse_error("recall-receipt/2\n" + bare.substr(17)), "line 1 (field format): the first line must be \"recall-receipt/1\"");
  EXPECT_EQ(parse_error(replace_line(bare, "origin", "origin")), "line 2 (field origin): 'origin' has no value");
  EXPECT_EQ(parse_error(replace_line(bare, "origin", "origin ")), "line 2 (field origin): 'origin' is empty");
  EXPECT_EQ(parse_error(replace_line(bare, "origin", "colour blue")), "line 2 (field colour): unknown field 'colour'");
  EXPECT_EQ(parse_error(replace_line(bare, "origin", "")), "line 2 (field ): a line starts without a field name");
  EXPECT_EQ(parse_error(replace_line(bare, "code", "origin x")), "line 3 (field origin): 'origin' is repeated");
  EXPECT_EQ(parse_error(replace_line(bare, "code", "leaf x")), "line 3 (field code): 'code' is missing");
  EXPECT_EQ(parse_error("recall-receipt/1\n" + bare.substr(bare.find("code "))), "line 2 (field origin): 'origin' is missing");
  EXPECT_EQ(parse_error(bare.substr(0, bare.find("leaf "))), "line 4 (field leaf): 'leaf' is missing");
  EXPECT_EQ(parse_error(bare + "code " + code_line.substr(5) + "\n"), "line 5 (field code): 'code' is repeated");
  EXPECT_EQ(parse_error(bare + "leaf x\n"), "line 5 (field leaf): 'leaf' is repeated");
  EXPECT_EQ(parse_error(replace_line(bare, "code", "code 7K3M")), "line 3 (field code): 'code' \"7K3M\" is not a receipt code");
  EXPECT_EQ(parse_error(replace_line(bare, "code", code_line.substr(0, 5) + "ZZZZ" + code_line.substr(9))),
            "line 3 (field code): 'code' does not match the leaf's receipt nonce");
  EXPECT_TRUE(parse_error(replace_line(bare, "leaf", "leaf AQ=")).starts_with("line 4 (field leaf): 'leaf' is not valid base64: "));
  EXPECT_EQ(parse_error(replace_line(bare, "leaf", "leaf AQID")), "line 4 (field leaf): the leaf does not decode: a version-1 leaf is 72 octets, not 3 (octet 1)");
  {
    auto bytes = encode_leaf(leaf_with(3));
    bytes[1] = 9;
    EXPECT_EQ(parse_error(replace_line(bare, "leaf", "leaf " + ledger::to_base64(ledger::ByteView(bytes.data(), bytes.size())))),
              "line 4 (field leaf): the leaf does not decode: unknown event 9 (octet 2)");
    auto no_nonce = leaf_with(3);
    no_nonce.nonce = {};
    const auto zero = encode_leaf(no_nonce);
    EXPECT_EQ(parse_error(replace_line(replace_line(bare, "leaf", "leaf " + ledger::to_base64(ledger::ByteView(zero.data(), zero.size()))),
                                       "code", "code " + receipt_code({}))),
              "line 4 (field leaf): the leaf has no receipt nonce");
  }
  EXPECT_EQ(parse_error(bare + "index 05\n"), "line 5 (field index): 'index' must be a whole number without leading zeros, not \"05\"");
  EXPECT_EQ(parse_error(bare + "index -1\n"), "line 5 (field index): 'index' must be a whole number without leading zeros, not \"-1\"");
  EXPECT_EQ(parse_error(bare + "index 99999999999999999999\n"), "line 5 (field index): 'index' \"99999999999999999999\" does not fit in 64 bits");
  EXPECT_EQ(parse_error(bare + "index 5\n"), "line 6 (field checkpoint): the receipt has a proof without its checkpoint");
  EXPECT_EQ(parse_error(bare + "index 5\nproof " + ledger::to_base64(ledger::Hash{}) + "\n"),
            "line 7 (field checkpoint): the receipt has a proof without its checkpoint");
  EXPECT_EQ(parse_error(bare + "proof " + ledger::to_base64(ledger::Hash{}) + "\n"),
            "line 5 (field proof): 'proof' comes after 'index'; 'index' is missing");
  EXPECT_EQ(parse_error(bare + "index 5\nproof AAAA\n"), "line 6 (field proof): a 'proof' hash has 3 octets, not 32");
  EXPECT_TRUE(parse_error(bare + "index 5\nproof !!!!\n").starts_with("line 6 (field proof): 'proof' is not valid base64: "));
  EXPECT_EQ(parse_error(bare + "checkpoint\n"), "line 5 (field index): 'checkpoint' comes after 'index'; 'index' is missing");
  EXPECT_EQ(parse_error(bare + "index 5\ncheckpoint\n"), "line 7 (field checkpoint): the signed checkpoint is missing after 'checkpoint'");
  EXPECT_EQ(parse_error(bare + "index 5\ncheckpoint now\n"), "line 6 (field checkpoint): 'checkpoint' stands alone on its line; the note follows it");
  EXPECT_EQ(parse_error(replace_line(text, "index", "index 5\nindex 5")), "line 6 (field index): 'index' is repeated");
  {
    std::string many = bare + "index 5\n";
    for (int i = 0; i < 65; ++i) many += "proof " + ledger::to_base64(ledger::Hash{}) + "\n";
    EXPECT_EQ(parse_error(many), "line 70 (field proof): more than 64 'proof' hashes");
  }
  {
    std::string crlf = bare;
    crlf.insert(crlf.find("\norigin"), "\r");
    EXPECT_EQ(parse_error(crlf), "line 1 (field ): the line ends with a carriage return");
  }
  // The checkpoint's own line numbers are counted in the file: its first line follows "checkpoint".
  const int note_line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(text.find("\ncheckpoint\n")), '\n')) + 3;
  EXPECT_EQ(parse_error(text.substr(0, text.find("\n\n") + 1)),  // no signature block
            fmt::format("line {} (field checkpoint): the checkpoint is malformed: note has no blank line before a "
                        "signature block, so it is not signed", note_line + 2));
  {  // a checkpoint whose tree size is not a number
    const std::string bad_size = replace_line(text, "9\n", "nine");
    EXPECT_EQ(parse_error(bad_size), fmt::format("line {} (field checkpoint): the checkpoint is malformed: tree size "
                                                 "\"nine\" is not a decimal number", note_line + 1));
  }
}

TEST(ReceiptVerification, AnHonestReceiptVerifies) {
  const auto key = ledger::generate_signer_key("recall.test");
  const auto result = verify_receipt(parse_receipt_file(format_receipt_file(proven_receipt(key))), key.verifier());
  EXPECT_TRUE(result.ok) << result.message;
  EXPECT_EQ(result.tree_size, 9u);
  EXPECT_EQ(result.leaf_index, 5u);
  EXPECT_EQ(result.message, "the leaf is included at index 5 of 9 in the checkpoint signed by recall.test");
}

TEST(ReceiptVerification, AReceiptWithoutProofIsNotYetVerified) {
  const auto key = ledger::generate_signer_key("recall.test");
  const auto result = verify_receipt(ReceiptFile{Receipt{origin, leaf_with(2)}, std::nullopt}, key.verifier());
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.message, "the receipt carries no inclusion proof; check it against the published leaves");
}

TEST(ReceiptVerification, TamperingFailsWithTheReason) {
  const auto key = ledger::generate_signer_key("recall.test");
  const ReceiptFile honest = proven_receipt(key);

  ReceiptFile leaf = honest;
  leaf.receipt.leaf.place_id = 3;
  EXPECT_EQ(verify_receipt(leaf, key.verifier()).message,
            "the inclusion proof does not show this leaf at index 5 of the checkpoint's 9 leaves");

  ReceiptFile proof = honest;
  proof.proof->inclusion[1][0] ^= 0x01;
  EXPECT_EQ(verify_receipt(proof, key.verifier()).message,
            "the inclusion proof does not show this leaf at index 5 of the checkpoint's 9 leaves");

  ReceiptFile short_proof = honest;
  short_proof.proof->inclusion.pop_back();
  EXPECT_FALSE(verify_receipt(short_proof, key.verifier()).ok);

  ReceiptFile index = honest;
  index.proof->leaf_index = 4;
  EXPECT_EQ(verify_receipt(index, key.verifier()).message,
            "the inclusion proof does not show this leaf at index 4 of the checkpoint's 9 leaves");
  index.proof->leaf_index = 9;
  EXPECT_EQ(verify_receipt(index, key.verifier()).message, "leaf index 9 is beyond the checkpoint's 9 leaves");

  ReceiptFile checkpoint = honest;  // the tree size changed in the signed text
  const auto at = checkpoint.proof->checkpoint.find("\n9\n");
  checkpoint.proof->checkpoint.replace(at, 3, "\n8\n");
  EXPECT_EQ(verify_receipt(checkpoint, key.verifier()).message.rfind("checkpoint: ", 0), 0u);

  const auto other = ledger::generate_signer_key("recall.test");
  EXPECT_EQ(verify_receipt(honest, other.verifier()).message.rfind("checkpoint: ", 0), 0u);

  ReceiptFile origin_changed = honest;
  origin_changed.receipt.origin = "recall.test/petitions/8";
  EXPECT_EQ(verify_receipt(origin_changed, key.verifier()).message,
            "the checkpoint is for log \"recall.test/petitions/7\", but the receipt is for \"recall.test/petitions/8\"");
}

}  // namespace
}  // namespace recall
