// A store's fingerprint read back for people (parley store check).

#include "parley/io/mc_outputs.hpp"

#include <gtest/gtest.h>

namespace parley::io {
namespace {

TEST(FingerprintSummary, NamesTheRunAndItsPlannedSamples) {
  const FingerprintSummary run = summarise_fingerprint(
      R"({"engine":"0.1.0","scenario_sha256":"0123456789abcdef00","at":"2023-01-15","seed":7,"samples":40,)"
      R"("models":[{"name":"compromise","parameters":{}},{"name":"eum","parameters":{}}]})");
  EXPECT_EQ(run.description,
            "parley 0.1.0, scenario sha256 0123456789ab, at 2023-01-15, seed 7, models compromise, eum");
  EXPECT_EQ(run.samples, 40U);
}

TEST(FingerprintSummary, SaysWhatItLacks) {
  const FingerprintSummary partial = summarise_fingerprint(R"({"seed":3,"samples":-1,"models":[7]})");
  EXPECT_EQ(partial.description, "parley ?, scenario sha256 ?, at ?, seed 3, models ");
  EXPECT_EQ(partial.samples, 0U);
  EXPECT_EQ(summarise_fingerprint("not json").description, "");
  EXPECT_EQ(summarise_fingerprint("[1, 2]").samples, 0U);
}

}  // namespace
}  // namespace parley::io
