#include "config/combined_zones.hpp"

#include <gtest/gtest.h>

#include "config/loader.hpp"
#include "config/test_support.hpp"

namespace fwctl::config {
namespace {

using testing::TempDir;

// /etc/firewalld/zones/office/{a,b}.xml next to a plain zone, loaded and combined.
class CombinedZones : public ::testing::Test {
 protected:
  void SetUp() override {
    defaults_.write("zones/public.xml",
                    "<zone><short>Public</short><service name=\"ssh\"/></zone>");
    system_.write("zones/office/a.xml",
                  "<zone target=\"DROP\"><short>A</short><interface name=\"eth1\"/>"
                  "<source address=\"10.0.0.0/8\"/><service name=\"ssh\"/>"
                  "<port port=\"80\" protocol=\"tcp\"/><masquerade/>"
                  "<rule family=\"ipv4\"><source address=\"10.1.0.0/16\"/><accept/></rule></zone>");
    system_.write("zones/office/b.xml",
                  "<zone><interface name=\"eth2\"/><source address=\"10.0.0.0/8\"/>"
                  "<service name=\"ssh\"/><service name=\"http\"/><forward/>"
                  "<port port=\"80\" protocol=\"tcp\"/><icmp-block-inversion/>"
                  "<rule family=\"ipv4\"><source address=\"10.1.0.0/16\"/><accept/></rule></zone>");
    loaded_ = load_config({defaults_.path(), system_.path()});
    ASSERT_TRUE(loaded_.errors.empty()) << loaded_.errors.front().located_message();
    runtime_ = combine_zones(loaded_.config);
  }

  TempDir defaults_;
  TempDir system_;
  LoadResult loaded_;
  model::Config runtime_;
};

TEST_F(CombinedZones, PermanentKeepsThePartsRuntimeHasOneZone) {
  EXPECT_TRUE(loaded_.config.zones.contains("office/a"));
  EXPECT_TRUE(loaded_.config.zones.contains("office/b"));
  EXPECT_FALSE(loaded_.config.zones.contains("office"));
  ASSERT_EQ(runtime_.zones.size(), 2u);  // public and office
  EXPECT_TRUE(runtime_.zones.contains("public"));
  EXPECT_EQ(runtime_.zones.at("public").value, loaded_.config.zones.at("public").value);
  EXPECT_EQ(runtime_.zones.at("office").path, system_.path() + "/zones/office");
}

TEST_F(CombinedZones, MergesThePartsLikeFirewalld) {
  const model::Zone& z = runtime_.zones.at("office").value;
  EXPECT_EQ(z.info.name, "office");
  EXPECT_EQ(z.info.short_, "");    // the parts' headers are not taken
  EXPECT_EQ(z.target, "default");  // nor their target
  EXPECT_EQ(z.interfaces, (std::vector<std::string>{"eth1", "eth2"}));
  ASSERT_EQ(z.sources.size(), 1u);  // duplicates once
  EXPECT_EQ(z.services, (std::vector<std::string>{"ssh", "http"}));
  EXPECT_EQ(z.ports.size(), 1u);
  EXPECT_TRUE(z.masquerade);
  EXPECT_TRUE(z.forward);
  EXPECT_TRUE(z.icmp_block_inversion);
  EXPECT_EQ(z.rules.size(), 2u);  // rich rules are appended, duplicates included
}

TEST(CombinedZonesPlain, ACombinedZoneReplacesAPlainOneOfTheSameName) {
  model::Config c;
  c.zones["office"].value.services = {"ssh"};
  c.zones["office/x"].value.services = {"http"};
  model::Config r = combine_zones(c);
  ASSERT_EQ(r.zones.size(), 1u);
  EXPECT_EQ(r.zones.at("office").value.services, std::vector<std::string>{"http"});
}

}  // namespace
}  // namespace fwctl::config
