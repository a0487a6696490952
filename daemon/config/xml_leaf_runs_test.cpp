#include "config/xml_leaf_runs.hpp"

#include <gtest/gtest.h>

#include <string>

namespace fwctl::config {
namespace {

TEST(XmlLeafRuns, FindsRunsOfTheRootsLeafChildren) {
  std::string text = "<s a='1'>\n <e>1</e>\n <e>2</e><x/><e>3</e> <f>4</f>\n</s>";
  auto runs = find_leaf_runs(text, 2);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(text.substr(runs[0].begin, runs[0].end - runs[0].begin), "<e>1</e>\n <e>2</e>");
  EXPECT_EQ(text.substr(runs[1].begin, runs[1].end - runs[1].begin), "<e>3</e> <f>4</f>");
  EXPECT_EQ(find_leaf_runs(text, 3).size(), 0u);
}

TEST(XmlLeafRuns, LeavesOutWhatReadsOtherwiseRawThanParsed) {
  for (const char* text : {"<s><e>a&amp;b</e><e>1</e></s>", "<s><e>a\r\nb</e><e>1</e></s>",
                           "<s><e x='1'>a</e><e>1</e></s>", "<s><e>a</f><e>1</e></s>",
                           "<s><a><e>1</e><e>2</e></a></s>", "<!DOCTYPE s><s><e>1</e><e>2</e></s>",
                           "<s><!-- <e>1</e><e>2</e> --></s>", "<s><e>1</e>x<e>2</e></s>"}) {
    EXPECT_EQ(find_leaf_runs(text, 2).size(), 0u) << text;
  }
}

}  // namespace
}  // namespace fwctl::config
