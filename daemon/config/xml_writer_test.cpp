#include "config/xml_writer.hpp"

#include <gtest/gtest.h>

namespace fwctl::config {
namespace {

TEST(XmlWriter, EscapesTextLikeSaxutils) {
  EXPECT_EQ(xml_escape("a & <b> \"c\" 'd'\t\n"), "a &amp; &lt;b&gt; \"c\" 'd'\t\n");
}

TEST(XmlWriter, QuotesAttributesLikeQuoteattr) {
  EXPECT_EQ(xml_quote_attribute("plain"), "\"plain\"");
  EXPECT_EQ(xml_quote_attribute("a&b<c>d"), "\"a&amp;b&lt;c&gt;d\"");
  EXPECT_EQ(xml_quote_attribute("tab\tnl\ncr\r"), "\"tab&#9;nl&#10;cr&#13;\"");
  EXPECT_EQ(xml_quote_attribute("sq'if"), "\"sq'if\"");
  // A double quote without a single one switches to single quotes ...
  EXPECT_EQ(xml_quote_attribute("dq\"if"), "'dq\"if'");
  // ... and with both, double quotes become &quot;.
  EXPECT_EQ(xml_quote_attribute("both\"'if"), "\"both&quot;'if\"");
}

TEST(XmlWriter, WritesFirewalldsLineShapes) {
  XmlWriter w;
  w.start("zone", {{"version", "1"}, {"target", "DROP"}});
  w.raw("\n");
  w.text_line(2, "short", "S & T");
  w.empty_line(2, "port", {{"port", "80"}, {"protocol", "tcp"}});
  w.empty_line(2, "forward");
  w.end("zone");
  w.raw("\n");
  EXPECT_EQ(w.take(),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            "<zone version=\"1\" target=\"DROP\">\n"
            "  <short>S &amp; T</short>\n"
            "  <port port=\"80\" protocol=\"tcp\"/>\n"
            "  <forward/>\n"
            "</zone>\n");
}

}  // namespace
}  // namespace fwctl::config
