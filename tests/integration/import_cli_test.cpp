// `parley run FILE --from FORMAT` and `parley import bdm-csv` as a user runs them.

#include <gtest/gtest.h>

#include <fstream>

#include "support/process.hpp"

namespace parley::test {
namespace {

void write(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

constexpr const char* kTable = "Actor,Capability,Position,Salience\rA,0.3,0,1\rB,0.2,40,0.6\rC,0.5,100,0.9\r";

TEST(Import, RunReadsABdmTableDirectly) {
  const auto directory = fresh_directory("import-run");
  write(directory / "table.csv", kTable);
  const auto outcome =
      run_parley({"run", "table.csv", "--from", "bdm-csv", "-m", "eum", "-m", "compromise"}, directory);
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("eum_moves.csv"), std::string::npos) << outcome.out;
  const std::string forecast = read_text(directory / "parley-out" / "forecast.csv");
  EXPECT_NE(forecast.find("\neum,issue,"), std::string::npos) << forecast;
  EXPECT_NE(forecast.find("\ncompromise,issue,"), std::string::npos) << forecast;
}

TEST(Import, BdmTableToYamlAndBack) {
  const auto directory = fresh_directory("import-yaml");
  write(directory / "table.csv", kTable);
  const auto to_stdout = run_parley({"import", "bdm-csv", "table.csv"}, directory);
  ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
  EXPECT_NE(to_stdout.out.find("scale: {min: 0, max: 100}"), std::string::npos) << to_stdout.out;
  ASSERT_EQ(run_parley({"import", "bdm-csv", "table.csv", "-o", "table.yaml"}, directory).exit_code, 0);
  const auto from_yaml = run_parley({"run", "table.yaml", "-m", "eum", "-q", "-o", "a"}, directory);
  const auto from_csv = run_parley({"run", "table.csv", "--from", "bdm-csv", "-m", "eum", "-q", "-o", "b"}, directory);
  ASSERT_EQ(from_yaml.exit_code, 0) << from_yaml.err;
  ASSERT_EQ(from_csv.exit_code, 0) << from_csv.err;
  EXPECT_EQ(read_text(directory / "a" / "forecast.csv"), read_text(directory / "b" / "forecast.csv"));
  EXPECT_EQ(read_text(directory / "a" / "eum_moves.csv"), read_text(directory / "b" / "eum_moves.csv"));
}

TEST(Import, BadTableIsLocatedAndExits65) {
  const auto directory = fresh_directory("import-bad");
  write(directory / "table.csv", "Actor,Capability,Position,Salience\nA,0.3,zero,1\n");
  const auto outcome = run_parley({"run", "table.csv", "--from", "bdm-csv"}, directory);
  EXPECT_EQ(outcome.exit_code, 65);
  EXPECT_NE(outcome.err.find("table.csv:2:7: Position: the position 'zero' is not a number"), std::string::npos)
      << outcome.err;
}

TEST(Import, RunOfADataSetSaysWhatToDoInstead) {
  const auto directory = fresh_directory("import-many");
  write(directory / "deu.tsv",
        "prnr\tisnr\tintro\tpcom\tscom\tout\n\t\t\t1\t\t\nd1\td1i1\t01-01-00\t50\t50\t40\nd2\td2i1\t01-01-"
        "00\t50\t50\t40\n");
  const auto outcome = run_parley({"run", "deu.tsv", "--from", "deu3"}, directory);
  EXPECT_EQ(outcome.exit_code, 64);
  EXPECT_NE(outcome.err.find("holds 2 scenarios"), std::string::npos) << outcome.err;
}

constexpr const char* kKtabXml = R"(<?xml version="1.0"?>
<Scenario><name>Tiny</name><desc>d</desc><prngSeed>77</prngSeed>
  <ModelParameters><VictoryProbModel>Linear</VictoryProbModel><PCEModel>Conditional</PCEModel>
    <StateTransitions>Stochastic</StateTransitions><VotingRule>Proportional</VotingRule><BigRAdjust>OneThird</BigRAdjust>
    <BigRRange>Mid</BigRRange><ThirdPartyCommit>SemiCommit</ThirdPartyCommit><InterVecBrgn>S2P2</InterVecBrgn>
    <BargnModel>InitOnlyInterp</BargnModel></ModelParameters>
  <Dimensions><dName>One</dName><dName>Two</dName></Dimensions>
  <Actors>
    <Actor><name>A</name><description>a</description><capability>10</capability>
      <Position><dCoord>10</dCoord><dCoord>20</dCoord></Position><Salience><dSal>30</dSal><dSal>40</dSal></Salience></Actor>
    <Actor><name>B</name><description>b</description><capability>20</capability>
      <Position><dCoord>50</dCoord><dCoord>60</dCoord></Position><Salience><dSal>50</dSal><dSal>10</dSal></Salience></Actor>
    <Actor><name>C</name><description>c</description><capability>5</capability>
      <Position><dCoord>90</dCoord><dCoord>0</dCoord></Position><Salience><dSal>20</dSal><dSal>20</dSal></Salience></Actor>
    <Actor><name>D</name><description>d</description><capability>12</capability>
      <Position><dCoord>33.3</dCoord><dCoord>70.1</dCoord></Position><Salience><dSal>45</dSal><dSal>15</dSal></Salience></Actor>
  </Actors>
  <IdealAdjustment><iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>A</referencePos><adjust>0.7</adjust></iaPair>
    <iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>B</referencePos><adjust>0.3</adjust></iaPair></IdealAdjustment>
</Scenario>
)";

// A KTAB XML file run directly, and imported to YAML and run with the options `import` prints:
// the same smp run, bit for bit (parameters, seed, accommodation and saliences all carried over).
TEST(Import, KtabXmlToYamlAndBackGivesTheSameRun) {
  const auto directory = fresh_directory("import-ktab");
  write(directory / "tiny.xml", kKtabXml);
  const auto imported = run_parley({"import", "ktab", "tiny.xml", "-o", "tiny.yaml"}, directory);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const std::string marker = "run the scenario with";
  const auto at = imported.err.find(marker);
  ASSERT_NE(at, std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("-p smp.ideal_adjustment=A:A=0.7,A:B=0.3"), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("--seed 77"), std::string::npos) << imported.err;
  std::vector<std::string> args{"run", "tiny.yaml", "-m", "smp", "-q", "-o", "a"};
  std::string options = imported.err.substr(at + marker.size());
  options = options.substr(0, options.find('\n'));
  for (std::size_t start = 0; start < options.size();) {
    const std::size_t end = std::min(options.find(' ', start + 1), options.size());
    const std::string word = options.substr(start + 1, end - start - 1);
    if (!word.empty()) args.push_back(word);
    start = end;
  }
  const auto from_yaml = run_parley(args, directory);
  const auto from_xml = run_parley({"run", "tiny.xml", "--from", "ktab", "-m", "smp", "-q", "-o", "b"}, directory);
  ASSERT_EQ(from_yaml.exit_code, 0) << from_yaml.err;
  ASSERT_EQ(from_xml.exit_code, 0) << from_xml.err;
  for (const char* file : {"trajectories.csv", "smp_bargains.csv", "smp_probabilities.csv", "forecast.csv"}) {
    EXPECT_EQ(read_text(directory / "a" / file), read_text(directory / "b" / file)) << file;
  }
  // The command line overrides what the file sets.
  const auto deterministic = run_parley(
      {"run", "tiny.xml", "--from", "ktab", "-m", "smp", "-p", "smp.StateTransitions=Deterministic", "-q", "-o", "c"},
      directory);
  ASSERT_EQ(deterministic.exit_code, 0) << deterministic.err;
  EXPECT_NE(read_text(directory / "c" / "run.json").find("\"StateTransitions\": \"Deterministic\""), std::string::npos);
  // Other models run on the file too; the file's smp settings do not get in their way.
  const auto others = run_parley({"run", "tiny.xml", "--from", "ktab", "-m", "compromise", "-q", "-o", "d"}, directory);
  EXPECT_EQ(others.exit_code, 0) << others.err;
}

TEST(Import, BadKtabFileIsLocatedAndExits65) {
  const auto directory = fresh_directory("import-ktab-bad");
  write(directory / "bad.csv", "T,D,3,1\nActor,Desc,Power,P,S\nA,a,1,50,10\nB,b,1,fifty,10\nC,c,1,50,10\n");
  const auto outcome = run_parley({"run", "bad.csv", "--from", "ktab", "-m", "smp"}, directory);
  EXPECT_EQ(outcome.exit_code, 65);
  EXPECT_NE(outcome.err.find("bad.csv:4:7: actor[B].position[P]: 'fifty' is not a number"), std::string::npos)
      << outcome.err;
}

// Where KTAB aborts and parley is asked to follow it, the run stops with exit 65 and KTAB's reason,
// naming the actor by id; without checks=ktab the same run goes on.
TEST(Import, KtabAbortIsADataErrorNamingTheActor) {
  const auto directory = fresh_directory("import-ktab-abort");
  write(directory / "tiny.xml", kKtabXml);
  const auto aborted = run_parley({"run", "tiny.xml", "--from", "ktab", "-m", "smp", "-p", "smp.BigRAdjust=Full", "-p",
                                   "smp.checks=ktab", "-q", "-o", "a"},
                                  directory);
  EXPECT_EQ(aborted.exit_code, 65);
  EXPECT_NE(aborted.err.find("smp: A's estimates of the risk attitudes equal the actors' own"), std::string::npos)
      << aborted.err;
  const auto runs = run_parley(
      {"run", "tiny.xml", "--from", "ktab", "-m", "smp", "-p", "smp.BigRAdjust=Full", "-q", "-o", "b"}, directory);
  EXPECT_EQ(runs.exit_code, 0) << runs.err;
  const auto bad =
      run_parley({"run", "tiny.xml", "--from", "ktab", "-m", "smp", "-p", "smp.issues=One,Three", "-q"}, directory);
  EXPECT_EQ(bad.exit_code, 78);
  EXPECT_NE(bad.err.find("smp.issues: 'Three' is not an issue of the scenario"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace parley::test
