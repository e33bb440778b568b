// KTAB scenario files: the XML reader, KTAB's CSV reading rules, the XML layout with its
// parameters, seed and ideal accommodation, and every kind of bad input at line, column and field.

#include "io/ktab.hpp"

#include <gtest/gtest.h>

#include "io/ktab_data.hpp"
#include "io/xml.hpp"
#include "parley/errors.hpp"

namespace parley::io {
namespace {

std::string first_error(const std::string& text, const std::string& file = "t.csv") {
  try {
    (void)read_ktab(text, file);
  } catch (const ScenarioError& error) {
    return error.diagnostics().front().to_string();
  }
  return "no error";
}

std::string xml_error(const std::string& text) {
  try {
    (void)read_xml(text, "t.xml");
  } catch (const ScenarioError& error) {
    return error.diagnostics().front().to_string();
  }
  return "no error";
}

const std::string kCsv =
    "Tiny ,\"A test, with a comma\",3,2,\n"
    "Actor,Description,Power,P1,S1,P2,S2\n"
    "Ann, first,10,20,30,40,50\n"
    "Bob,,20.5,60,25,70,25\n"
    "Cy,third,5,100,0,0,100\n";

TEST(Xml, ElementsTextEntitiesAndPositions) {
  const auto root = read_xml(
      "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<a x='1'>\n  "
      "<b>&lt;&amp;&#65;&#x42;</b><b/><c><![CDATA[<raw>]]></c>\n</a>\n",
      "t.xml");
  EXPECT_EQ(root->name, "a");
  ASSERT_EQ(root->all("b").size(), 2u);
  EXPECT_EQ(root->child("b")->text, "<&AB");
  EXPECT_EQ(root->child("b")->line, 4);
  EXPECT_EQ(root->child("b")->column, 3);
  EXPECT_EQ(root->child("c")->text, "<raw>");
  EXPECT_EQ(root->child("d"), nullptr);
}

TEST(Xml, SyntaxErrorsAtTheirLineAndColumn) {
  EXPECT_EQ(xml_error("<a>\n  <b></c>\n</a>"), "t.xml:2:6: </c> closes <b> (opened at line 2, column 3)");
  EXPECT_EQ(xml_error("<a>\n<b>"), "t.xml:2:1: <b> is never closed");
  EXPECT_EQ(xml_error("<a>&nope;</a>"), "t.xml:1:4: unknown entity '&nope;'");
  EXPECT_EQ(xml_error("<a>&#xD800;</a>"), "t.xml:1:4: '&#xD800;' names no character (U+D800 cannot stand in a text)");
  EXPECT_EQ(xml_error("<a>&#0;</a>"), "t.xml:1:4: '&#0;' names no character (U+0000 cannot stand in a text)");
  EXPECT_EQ(xml_error("<a></a><b/>"), "t.xml:1:8: text after the document's element");
  EXPECT_EQ(xml_error("  "), "t.xml:1:3: the file has no XML element");
  EXPECT_EQ(xml_error("<a><!-- open </a>"), "t.xml:1:4: a comment is never closed (no '-->')");
}

TEST(KtabCsv, ReadsKtabsLayout) {
  const auto imported = read_ktab(kCsv, "dir/tiny.csv");
  ASSERT_EQ(imported.size(), 1u);
  const Scenario& scenario = imported[0].scenario;
  EXPECT_EQ(scenario.title, "Tiny");
  ASSERT_EQ(scenario.issues.size(), 2u);
  EXPECT_EQ(scenario.issues[0].id, "P1");
  EXPECT_EQ(scenario.issues[0].scale.max, 100.0);
  ASSERT_EQ(scenario.actors.size(), 3u);
  EXPECT_EQ(scenario.actors[0].description, " first");  // KTAB does not trim text
  EXPECT_EQ(scenario.actors[1].capability, 20.5);
  EXPECT_EQ(scenario.actors[0].stances[1].stance.position, 40.0);
  EXPECT_EQ(scenario.actors[0].stances[1].stance.salience, 50.0 / 100.0);
  // KTAB has one capability per actor: parley's issue capabilities off, so that runs stay KTAB's.
  EXPECT_EQ(imported[0].parameters, std::vector<std::string>{"smp.issue_capabilities=false"});
  EXPECT_EQ(imported[0].seed, 15455440707583219804ULL);  // KTAB's default for CSV runs
}

TEST(KtabCsv, CrlfByteOrderMarkAndLenientNumbers) {
  std::string text = "\xEF\xBB\xBF" + kCsv;
  for (std::size_t at = 0; (at = text.find('\n', at)) != std::string::npos; at += 2) text.insert(at, "\r");
  const auto imported = read_ktab(text, "t.csv");
  EXPECT_EQ(imported[0].scenario.actors[2].stances[0].stance.position, 100.0);
  const auto lenient = read_ktab("T,D,3,1\nh,h,h,h,h\nA,a,  7.5kg,1e1x,5\nB,b,+2,20,5\nC,c,3,30,5\n", "t.csv");
  EXPECT_EQ(lenient[0].scenario.actors[0].capability, 7.5);
  EXPECT_EQ(lenient[0].scenario.actors[0].stances[0].stance.position, 10.0);
  EXPECT_EQ(lenient[0].scenario.actors[1].capability, 2.0);
  const auto tiny = read_ktab("T,D,3,1\nh,h,h,h,h\nA,a,1,1e-400,5\nB,b,2,20,5\nC,c,3,30,5\n", "t.csv");
  EXPECT_EQ(tiny[0].scenario.actors[0].stances[0].stance.position, 0.0);  // correctly rounded: 0
}

TEST(KtabCsv, BadFilesAreReportedAtLineColumnAndField) {
  EXPECT_EQ(first_error("T,D,2,1\n"), "t.csv:1:5: actors: 2 actors; KTAB takes 3 to 250");
  EXPECT_EQ(first_error("T,D,three,1\n"), "t.csv:1:5: actors: 'three' is not a whole number");
  EXPECT_EQ(first_error("T,D,3\n"), "t.csv:1:6: dimensions: missing: line 1 is name,description,actors,dimensions");
  EXPECT_EQ(first_error("T,D,3,0\n"), "t.csv:1:7: dimensions: 0 dimensions; at least 1");
  const std::string head = "T,D,3,1\nActor,Desc,Power,P,S\n";
  EXPECT_EQ(first_error(head + "A,a,1,50,10\n\nC,c,1,50,10\n"),
            "t.csv:4:1: actor[2].name: the actor's name '' must have 1 to 25 characters");
  EXPECT_EQ(first_error(head + "A,a,1,50,10\nB,b,x,50,10\nC,c,1,50,10\n"),
            "t.csv:4:5: actor[B].capability: 'x' is not a number");
  EXPECT_EQ(first_error(head + "A,a,1,50,10\nB,b,1,,10\nC,c,1,50,10\n"),
            "t.csv:4:7: actor[B].position[P]: empty; a number is needed");
  EXPECT_EQ(first_error(head + "A,a,1,50,10\nB,b,1,50\nC,c,1,50,10\n"),
            "t.csv:4:9: actor[B].salience[P]: missing: the line ends before this field");
  EXPECT_EQ(
      first_error(head + "A,a,1,101,10\nB,b,1,50,10\nC,c,1,50,10\n"),
      "t.csv:3:7: actor[A].position[P]: position 101 is outside [0, 100], the scale parley gives each KTAB dimension");
  EXPECT_EQ(first_error(head + "A,a,-1,50,10\nB,b,1,50,10\nC,c,1,50,10\n"),
            "t.csv:3:5: actor[A].capability: capability -1 is outside [0, 1e8]");
  EXPECT_EQ(first_error(head + "ABCDEFGHIJKLMNOPQRSTUVWXYZ,a,1,50,10\nB,b,1,50,10\nC,c,1,50,10\n"),
            "t.csv:3:1: actor[1].name: the actor's name 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' must have 1 to 25 characters");
  EXPECT_EQ(first_error("T,D,3,2\nActor,Desc,Power,P,S,Q,T\nA,a,1,50,60,50,41\nB,b,1,50,10,5,5\nC,c,1,50,10,5,5\n"),
            "t.csv:3:16: actor[A].salience[Q]: the saliences so far sum to 101, more than 100");
  // A file that ends too soon is reported where it ends, not at the lines it lacks.
  EXPECT_EQ(first_error("T,D,3,1\nActor,Desc,Power,P,S\nA,a,1,50,10\nB,b,1,50,10\n"),
            "t.csv:4:12: actor[3]: the file ends after 2 of the 3 actors line 1 announces");
  EXPECT_EQ(first_error("T,D,34,1\nActor,Desc,Power,P,S\n"),
            "t.csv:2:21: actor[1]: the file ends after 0 of the 34 actors line 1 announces");
  EXPECT_EQ(first_error("T,D,3,1"), "t.csv:1:8: actor[1]: the file ends after 0 of the 3 actors line 1 announces");
  // More dimensions than line 2 names (a fuzzer's "12023-01-05", read leniently as 12023) are refused
  // before anything is made for them.
  EXPECT_EQ(first_error("T,D,3,12023-01-05\nActor,Desc,Power,P,S\nA,a,1,50,10\nB,b,1,50,10\nC,c,1,50,10\n"),
            "t.csv:1:7: dimensions: 12023 dimensions, but line 2 names 1 (it has a position and a salience column "
            "for each, after Actor, Description and Influence)");
}

// A file that is all errors gives the first hundred and says it stopped there.
TEST(KtabCsv, ReadingStopsAfterAHundredErrors) {
  std::string text = "T,D,250,1\nActor,Desc,Power,P,S\n";
  for (int a = 0; a < 250; ++a) text += "A" + std::to_string(a) + ",a,x,y,z\n";
  try {
    (void)read_ktab(text, "t.csv");
    FAIL() << "read";
  } catch (const ScenarioError& error) {
    ASSERT_EQ(error.diagnostics().size(), 101U);
    EXPECT_EQ(error.diagnostics().front().to_string(), "t.csv:3:6: actor[A0].capability: 'x' is not a number");
    EXPECT_EQ(error.diagnostics().back().to_string(), "t.csv:36:7: stopped reading after 100 errors");
  }
}

const std::string kXml = R"(<?xml version="1.0"?>
<Scenario>
  <name>Tiny</name><desc>d</desc>
  <prngSeed>0042</prngSeed>
  <ModelParameters>
    <VictoryProbModel>Square</VictoryProbModel><PCEModel>Conditional</PCEModel>
    <StateTransitions>Deterministic</StateTransitions><VotingRule>Proportional</VotingRule>
    <BigRAdjust>No</BigRAdjust><BigRRange>Mid</BigRRange><ThirdPartyCommit>SemiCommit</ThirdPartyCommit>
    <InterVecBrgn>S2P2</InterVecBrgn><BargnModel>InitOnlyInterp</BargnModel>
  </ModelParameters>
  <Dimensions><dName>One</dName><dName>Two</dName></Dimensions>
  <Actors>
    <Actor><name>A</name><description>a</description><capability>10</capability>
      <Position><dCoord>10</dCoord><dCoord>20</dCoord></Position><Salience><dSal>30</dSal><dSal>40</dSal></Salience></Actor>
    <Actor><name>B</name><description>b</description><capability>20</capability>
      <Position><dCoord>50</dCoord><dCoord>60</dCoord></Position><Salience><dSal>50</dSal><dSal>10</dSal></Salience></Actor>
    <Actor><name>C</name><description>c</description><capability>5</capability>
      <Position><dCoord>90</dCoord><dCoord>0</dCoord></Position><Salience><dSal>20</dSal><dSal>20</dSal></Salience></Actor>
  </Actors>
  <IdealAdjustment>
    <iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>A</referencePos><adjust>0.5</adjust></iaPair>
    <iaPair><adjustingIdeal>A</adjustingIdeal><referencePos>B</referencePos><adjust>0.25</adjust></iaPair>
  </IdealAdjustment>
</Scenario>
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(KtabXml, ParametersSeedAndAccommodationBecomeTheRunsSettings) {
  const auto imported = read_ktab(kXml, "t.xml");
  const ImportedScenario& scenario = imported.front();
  EXPECT_EQ(scenario.scenario.actors.size(), 3u);
  EXPECT_EQ(scenario.scenario.issues[1].id, "Two");
  EXPECT_EQ(scenario.seed, 42u);
  ASSERT_EQ(scenario.parameters.size(), 11u);
  EXPECT_EQ(scenario.parameters[0], "smp.VictoryProbModel=Square");
  EXPECT_EQ(scenario.parameters[3], "smp.VotingRule=Prop");  // the schema's spelling, KTAB's value
  EXPECT_EQ(scenario.parameters[4], "smp.BigRAdjust=None");
  EXPECT_EQ(scenario.parameters[9], "smp.ideal_adjustment=A:A=0.5,A:B=0.25");
  EXPECT_EQ(scenario.parameters[10], "smp.issue_capabilities=false");
  // Without <IdealAdjustment> (optional in KTAB's schema) and without <ModelParameters>.
  std::string plain = replaced(
      kXml, kXml.substr(kXml.find("  <IdealAdjustment>"), kXml.find("</Scenario>") - kXml.find("  <IdealAdjustment>")),
      "");
  plain = replaced(
      plain,
      plain.substr(plain.find("  <ModelParameters>"), plain.find("  <Dimensions>") - plain.find("  <ModelParameters>")),
      "");
  const auto defaults = read_ktab(plain, "t.xml");
  EXPECT_EQ(defaults.front().parameters, std::vector<std::string>{"smp.issue_capabilities=false"});
}

TEST(KtabXml, SchemaSpellingsAreAcceptedByTheImporterOnly) {
  EXPECT_EQ(ktab::canonical_value("VotingRule", "Proportional"), "Prop");
  EXPECT_EQ(ktab::canonical_value("BigRAdjust", "No"), "None");
  EXPECT_EQ(ktab::canonical_value("BigRAdjust", "OneThird"), "OneThird");
  EXPECT_EQ(ktab::canonical_value("VotingRule", "prop"), std::nullopt);  // case-sensitive, as KTAB
}

TEST(KtabXml, BadFilesAreReportedAtTheirElement) {
  EXPECT_EQ(first_error(replaced(kXml, "<dCoord>20</dCoord>", "<dCoord></dCoord>"), "t.xml"),
            "t.xml:14:36: actor[A].Position[2]: <dCoord> is empty; a number is needed");
  EXPECT_EQ(first_error(replaced(kXml, "<dCoord>20</dCoord>", ""), "t.xml"),
            "t.xml:14:7: actor[A].Position: 1 <dCoord> elements; the scenario has 2 dimensions");
  EXPECT_EQ(first_error(replaced(kXml, "<PCEModel>Conditional</PCEModel>", "<PCEModel>Markov</PCEModel>"), "t.xml"),
            "t.xml:6:48: ModelParameters.PCEModel: 'Markov' is not one of: Conditional, MarkovIncentive, "
            "MarkovUniform");
  EXPECT_EQ(first_error(replaced(kXml, "<BargnModel>InitOnlyInterp</BargnModel>", ""), "t.xml"),
            "t.xml:5:3: ModelParameters.BargnModel: <ModelParameters> has no <BargnModel>");
  EXPECT_EQ(first_error(replaced(kXml, "<capability>20</capability>", "<capability>0</capability>"), "t.xml"),
            "t.xml:15:54: actor[B].capability: capability 0 is not positive");
  EXPECT_EQ(first_error(replaced(kXml, "<capability>20</capability>", "<capability>1e999</capability>"), "t.xml"),
            "t.xml:15:54: actor[B].capability: <capability> '1e999' is too large: not a finite number");
  EXPECT_EQ(first_error(replaced(kXml, "<dSal>10</dSal>", "<dSal>60</dSal>"), "t.xml"),
            "t.xml:16:91: actor[B].salience[Two]: the saliences so far sum to 110, more than 100");
  EXPECT_EQ(first_error(replaced(kXml, "<referencePos>B</referencePos>", "<referencePos>Q</referencePos>"), "t.xml"),
            "t.xml:22:47: IdealAdjustment.iaPair.referencePos: 'Q' is not the name of an actor");
  EXPECT_EQ(first_error(replaced(kXml, "<adjust>0.25</adjust>", "<adjust>-0.25</adjust>"), "t.xml"),
            "t.xml:22:77: IdealAdjustment.iaPair.adjust: -0.25 is outside [0, 1]");
  // A later pair overwrites an earlier one before anything is checked, as in KTAB.
  EXPECT_EQ(first_error(replaced(kXml, "<adjust>0.5</adjust>",
                                 "<adjust>7</adjust></iaPair><iaPair><adjustingIdeal>A"
                                 "</adjustingIdeal><referencePos>A</referencePos>"
                                 "<adjust>0.5</adjust>"),
                        "t.xml"),
            "no error");
  EXPECT_EQ(first_error(replaced(kXml, "<adjust>0.25</adjust>", "<adjust>0.75</adjust>"), "t.xml"),
            "t.xml:13:5: IdealAdjustment: the adjustments of A's ideal sum to 1.25, more than 1 (KTAB aborts)");
  EXPECT_EQ(first_error(replaced(kXml, "<prngSeed>0042</prngSeed>", "<prngSeed>x</prngSeed>"), "t.xml"),
            "t.xml:4:3: prngSeed: 'x' is not a whole number in [0, 2^64 - 1]");
  EXPECT_EQ(first_error(replaced(kXml, "<prngSeed>0042</prngSeed>", ""), "t.xml"),
            "t.xml:2:1: prngSeed: <Scenario> has no <prngSeed>");
  EXPECT_EQ(first_error(replaced(kXml, "<Scenario>", "<Scenery>"), "t.xml"),
            "t.xml:24:1: </Scenario> closes <Scenery> (opened at line 2, column 1)");
  const std::string two_actors = replaced(
      kXml, kXml.substr(kXml.find("    <Actor><name>C"), kXml.find("  </Actors>") - kXml.find("    <Actor><name>C")),
      "");
  EXPECT_EQ(first_error(two_actors, "t.xml"), "t.xml:12:3: Actors: 2 actors; KTAB takes 3 to 250");
}

}  // namespace
}  // namespace parley::io
