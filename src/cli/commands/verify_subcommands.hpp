#pragma once
// The `recall verify` subcommands beyond `petition`, each in its own file, registered by
// verify_commands.cpp.
namespace CLI {
class App;
}

namespace recall::cli {

void add_verify_receipt_command(CLI::App& verify);
void add_verify_consistency_command(CLI::App& verify);

}  // namespace recall::cli
