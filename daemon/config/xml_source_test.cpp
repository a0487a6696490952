#include "config/xml_source.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fwctl::config {
namespace {

// Records the SAX events as text: "<a x=1>", "'text'", "</a>".
class Recorder : public XmlHandler {
 public:
  Status start_element(const XmlElement& e) override {
    std::string tag = "<" + e.name;
    for (const auto& a : e.attributes) tag += " " + a.name + "=" + a.value;
    events.push_back(tag + ">@" + std::to_string(e.line));
    return ok();
  }
  Status end_element(const XmlElement& e) override {
    events.push_back("</" + e.name + ">");
    return ok();
  }
  void characters(std::string_view text) override {
    events.push_back("'" + std::string(text) + "'");
  }
  std::vector<std::string> events;
};

constexpr XmlKind kZone{Code::INVALID_ZONE, "zone"};

Error malformed(std::string_view text) {
  Recorder r;
  Status s = walk_xml(text, "f.xml", kZone, r);
  EXPECT_FALSE(s) << text;
  return s ? Error{} : s.error();
}

TEST(XmlSource, ReportsElementsTextAndLinesInDocumentOrder) {
  Recorder r;
  ASSERT_TRUE(walk_xml(
      "<?xml version=\"1.0\"?>\n<a x=\"1\">\n <b y='&lt;&#65;&#x42;'/>t<![CDATA[<c>]]></a>\n",
      "f.xml", kZone, r));
  std::vector<std::string> expected = {"<a x=1>@2", "'\n '", "<b y=<AB>@3", "</b>",
                                       "'t'",       "'<c>'", "</a>"};
  EXPECT_EQ(r.events, expected);
}

TEST(XmlSource, DecodesTextWithReferencesAndPassesOtherTextAsItIs) {
  Recorder r;
  ASSERT_TRUE(walk_xml("<a>one &amp; two<b/>three &#x41;<c/>four</a>", "f.xml", kZone, r));
  std::vector<std::string> expected = {"<a>@1", "'one & two'", "<b>@1",  "</b>", "'three A'",
                                       "<c>@1", "</c>",        "'four'", "</a>"};
  EXPECT_EQ(r.events, expected);
}

TEST(XmlSource, NormalizesWhitespaceInAttributesAsXmlRequires) {
  Recorder r;
  ASSERT_TRUE(walk_xml("<a x=\"1\t2\n3\" y=\"&#10;\"/>", "f.xml", kZone, r));
  EXPECT_EQ(r.events.front(), "<a x=1 2 3 y=\n>@1");
}

TEST(XmlSource, KeepsWhitespaceOnlyText) {
  Recorder r;
  ASSERT_TRUE(walk_xml("<a> </a>", "f.xml", kZone, r));
  EXPECT_EQ(r.events.at(1), "' '");
}

TEST(XmlSource, RejectsMismatchedTagWithFirewalldsMessageAndLine) {
  Error e = malformed("<?xml version=\"1.0\"?>\n<zone>\n  <service name=\"a\">\n</zone>\n");
  EXPECT_EQ(e.code, Code::INVALID_ZONE);
  EXPECT_EQ(e.file, "f.xml");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.detail.rfind("not a valid zone file: mismatched tag: line 4", 0), 0u) << e.detail;
}

TEST(XmlSource, RejectsWhatExpatRejectsButPugixmlAccepts) {
  struct Case {
    const char* text;
    int line;
    const char* reason;
  };
  const Case cases[] = {
      {"<zone/>\n<x/>", 2, "junk after document element"},
      {"<zone/>\njunk", 2, "junk after document element"},
      {"junk<zone/>", 1, "not well-formed (invalid token)"},
      {"<zone>\n<service name=\"a\" name=\"b\"/></zone>", 2, "duplicate attribute"},
      {"<zone>\n\n<service name=\"&foo;\"/></zone>", 3, "undefined entity"},
      {"<zone><short>\n&#1;</short></zone>", 2, "reference to invalid character number"},
      {"<zone>\n<a x=\"<\"/></zone>", 2, "not well-formed (invalid token)"},
      {"<zone>\n\xff</zone>", 2, "not well-formed (invalid token)"},
      {"<zone>\x01</zone>", 1, "not well-formed (invalid token)"},
      {"", 1, "no element found"},
      {"<?xml version=\"1.0\"?>\n<!-- only a comment -->\n", 3, "no element found"},
      {"<zone>a & b</zone>", 1, "not well-formed (invalid token)"},
      {"<?xml version=\"1.0\"oding=\"utf-8\"?>\n<zone/>", 1, "not well-formed (invalid token)"},
      {"<?xml ersion=\"1.0\"?>\n<zone/>", 1, "XML declaration not well-formed"},
      {"<?xmlversion=\"1.0\"?>\n<zone/>", 1, "not well-formed (invalid token)"},
      {"\n<?xml version=\"1.0\"?><zone/>", 2, "XML or text declaration not at start of entity"},
  };
  for (const Case& c : cases) {
    Error e = malformed(c.text);
    EXPECT_EQ(e.code, Code::INVALID_ZONE) << c.text;
    EXPECT_EQ(e.line, c.line) << c.text;
    EXPECT_NE(e.detail.find(c.reason), std::string::npos) << c.text << " -> " << e.detail;
  }
}

TEST(XmlSource, ReportsWhatComesBeforeTheFlawAsExpatDoes) {
  Recorder r;
  Status s = walk_xml("<a>\n<b/>\n<c x=\"1\" x=\"2\"/></a>", "f.xml", kZone, r);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().line, 3);
  EXPECT_EQ(r.events, (std::vector<std::string>{"<a>@1", "'\n'", "<b>@2", "</b>", "'\n'"}));
}

TEST(XmlSource, AHandlerErrorBeforeTheFlawWins) {
  class Failing : public Recorder {
    Status start_element(const XmlElement& e) override {
      if (e.name == "b") return fail(Code::PARSE_ERROR, "b");
      return Recorder::start_element(e);
    }
  } handler;
  Status s = walk_xml("<a><b/><c>", "f.xml", kZone, handler);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Code::PARSE_ERROR);
}

TEST(XmlSource, UsesTheKindsCodeAndWord) {
  Recorder r;
  Status s = walk_xml("<service>", "s.xml", {Code::INVALID_SERVICE, "service"}, r);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Code::INVALID_SERVICE);
  EXPECT_EQ(s.error().detail.rfind("not a valid service file: ", 0), 0u) << s.error().detail;
}

TEST(XmlSource, StopsAtTheFirstHandlerError) {
  class Failing : public Recorder {
    Status start_element(const XmlElement& e) override {
      if (e.name == "b") return fail(Code::PARSE_ERROR, "b");
      return Recorder::start_element(e);
    }
  } handler;
  Status s = walk_xml("<a><b/><c/></a>", "f.xml", kZone, handler);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().detail, "b");
  EXPECT_EQ(handler.events, std::vector<std::string>{"<a>@1"});
}

TEST(XmlSource, WalksDeeplyNestedDocumentsWithoutRecursion) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "<a>";
  for (int i = 0; i < 100000; ++i) text += "</a>";
  Recorder r;
  ASSERT_TRUE(walk_xml(text, "f.xml", kZone, r));
  EXPECT_EQ(r.events.size(), 200000u);
}

// The walk of `text` with its leaf runs read from the text (any run, even of one element) and
// with every node from pugixml's tree: the same events and the same outcome.
void expect_same_walk(const std::string& text) {
  Recorder tree, runs;
  Status a = walk_xml(text, "f.xml", kZone, tree, std::string_view::npos);
  Status b = walk_xml(text, "f.xml", kZone, runs, 1);
  EXPECT_EQ(runs.events, tree.events) << text;
  ASSERT_EQ(static_cast<bool>(b), static_cast<bool>(a)) << text;
  if (!a) {
    EXPECT_EQ(b.error().detail, a.error().detail) << text;
    EXPECT_EQ(b.error().line, a.error().line) << text;
  }
}

TEST(XmlSource, ReportsLeafRunsFromTheTextAsFromTheTree) {
  std::string entries;
  for (int i = 0; i < 40; ++i) entries += "  <entry>10.0." + std::to_string(i) + ".0/24</entry>\n";
  const std::string cases[] = {
      "<ipset type=\"hash:net\">\n" + entries + "</ipset>\n",
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ipset>\n<short>S</short>" + entries +
          "<option name=\"family\" value=\"inet\"/>\n" + entries + "</ipset>",
      "<ipset>x &amp; y" + entries + "z\r\n" + entries + "\r\n</ipset>",  // text around runs
      "<ipset><entry></entry><entry>a</entry>\t<entry>\n</entry></ipset>",
      "<ipset>" + entries + "<entry>a&amp;b</entry>" + entries + "</ipset>",  // entity: no leaf
      "<ipset>" + entries + "<!-- <entry>c</entry> -->" + entries + "</ipset>",
      "<ipset><![CDATA[<entry>d</entry>]]>" + entries + "<?pi <entry>e</entry>?></ipset>",
      "<ipset><a>" + entries + "</a>" + entries + "</ipset>",  // only the root's children
      "<ipset x='>'><entry x=\"1\">f</entry>" + entries + "</ipset>",
      "<ipset>" + entries + "<entry>g</entry ></ipset>",
      // Malformed: the flaw inside, after or before a run, a truncated file, junk after it.
      "<ipset>" + entries + "<entry>\x01</entry>" + entries + "</ipset>",
      "<ipset>" + entries + "<entry>h</entry></ipset>" + entries,
      "<ipset>" + entries + "</ipsat>",
      "<ipset><b x=\"1\" x=\"2\"/>" + entries + "</ipset>",
      "<ipset>" + entries + "<entry>i</en",
      "<ipset>" + entries,
      "<ipset>" + entries + "</ipset>junk",
      "<!DOCTYPE ipset [<!ENTITY e \"v\">]><ipset>" + entries + "</ipset>",
      "<ipset>" + entries + "<entry>\xff\xfe</entry>" + entries + "</ipset>",
      "\n\n<ipset>" + entries + "&bogus;" + entries + "</ipset>",
  };
  for (const auto& text : cases) expect_same_walk(text);
}

TEST(XmlSource, ALeafRunIsNoTreeNodeButEveryEntryIsReported) {
  std::string text = "<ipset>\n";
  for (int i = 0; i < 1000; ++i) text += "<entry>" + std::to_string(i) + "</entry>\n";
  text += "</ipset>";
  Recorder r;
  ASSERT_TRUE(walk_xml(text, "f.xml", kZone, r));
  ASSERT_EQ(r.events.size(), 3 + 1000 * 4u);
  EXPECT_EQ(r.events[1], "'\n'");
  EXPECT_EQ(r.events[2 + 999 * 4], "<entry>@1001");
  EXPECT_EQ(r.events[3 + 999 * 4], "'999'");
}

}  // namespace
}  // namespace fwctl::config
