// `parley store check FILE`: whether a run store is whole — SQLite's own check of the file, then every
// sample against its checksum — and which run it holds, how far it has gone.

#include <fmt/format.h>

#include <iostream>

#include "cli_common.hpp"
#include "parley/io/mc_outputs.hpp"
#include "parley/io/store.hpp"

namespace parley::cli {
namespace {

class StoreCommand final : public Command {
 public:
  explicit StoreCommand(CLI::App& parent) {
    app_ = parent.add_subcommand("store", "Inspect a Monte Carlo run store");
    app_->require_subcommand(1, 1);
    CLI::App* check = app_->add_subcommand("check",
                                           "Check a run store: SQLite's quick check of the file, then every sample "
                                           "against its checksum (exit 65 naming the damaged samples)");
    check->add_option("file", file_, "The store (parley mc's --store; by default DIR/samples.sqlite)")->required();
  }

  [[nodiscard]] CLI::App* app() const override { return app_; }

  int execute() override {
    const io::RunStore store(file_);
    store.check();
    const auto contents = store.contents();
    const io::FingerprintSummary run = io::summarise_fingerprint(contents.fingerprint);
    const std::uint64_t planned = run.samples;
    std::cout << fmt::format("{}: intact (SQLite's quick check, and each sample's checksum)\n", file_);
    std::cout << fmt::format("run: {}\n", run.description.empty() ? "?" : run.description);
    if (planned > contents.samples) {
      std::cout << fmt::format("samples: {} of {}; `parley mc` with the run's options and --store {} --resume "
                               "computes the rest\n",
                               contents.samples, planned, file_);
    } else {
      std::cout << fmt::format("samples: {} of {}, all there\n", contents.samples, planned);
    }
    return 0;
  }

 private:
  CLI::App* app_ = nullptr;
  std::string file_;
};

}  // namespace

std::unique_ptr<Command> make_store_command(CLI::App& parent) {
  return std::make_unique<StoreCommand>(parent);
}

}  // namespace parley::cli
