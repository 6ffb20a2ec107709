// recall: the one binary. Subcommands are registered from src/cli/commands/*.
#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"Recall: recall petitions, by-elections and the campaigns around them"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
