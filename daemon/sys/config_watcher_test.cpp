#include "sys/config_watcher.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fwctl::sys {
namespace {

namespace fs = std::filesystem;
using Clock = ConfigWatcher::Clock;

// Two trees in a fresh temporary directory: lib (defaults) and etc (the system tree).
struct WatchedTrees {
  fs::path root;
  WatchedTrees() {
    std::string pattern = (fs::temp_directory_path() / "fwctl-watch-XXXXXX").string();
    root = ::mkdtemp(pattern.data());
    for (const char* tree : {"lib", "etc"}) fs::create_directories(root / tree / "zones");
  }
  ~WatchedTrees() { fs::remove_all(root); }
  std::string tree(const char* name) const { return (root / name).string(); }
  void write(const std::string& relative, const std::string& text = "<zone/>\n") const {
    std::ofstream(root / relative) << text;
  }
};

std::unique_ptr<ConfigWatcher> watching(const WatchedTrees& t) {
  auto w = ConfigWatcher::open({t.tree("lib"), t.tree("etc")}, std::chrono::seconds(5));
  EXPECT_TRUE(w);
  return w ? std::move(*w) : nullptr;
}

TEST(ConfigWatcher, ReportsAChangedZoneOnceAfterTheQuietPeriod) {
  WatchedTrees t;
  auto w = watching(t);
  ASSERT_TRUE(w);
  EXPECT_FALSE(w->deadline());
  t.write("etc/zones/trusted.xml");
  Clock::time_point now = Clock::now();
  w->take(now);
  ASSERT_TRUE(w->deadline());
  EXPECT_EQ(*w->deadline(), now + std::chrono::seconds(5));
  EXPECT_FALSE(w->due(now + std::chrono::seconds(4)));
  auto file = w->due(now + std::chrono::seconds(5));
  ASSERT_TRUE(file);
  EXPECT_EQ(*file, t.tree("etc") + "/zones/trusted.xml");
  // Once: later changes wait for a reload.
  t.write("lib/zones/other.xml");
  w->take(now);
  EXPECT_FALSE(w->deadline());
  w->rearm();
  t.write("etc/firewalld.conf", "DefaultZone=public\n");
  w->take(now);
  EXPECT_TRUE(w->due(now + std::chrono::seconds(5)));
}

TEST(ConfigWatcher, IgnoresBackupsOtherRootFilesAndItsOwnWrites) {
  WatchedTrees t;
  auto w = watching(t);
  ASSERT_TRUE(w);
  t.write("etc/zones/trusted.xml.bak");
  t.write("etc/zones/trusted.xml~");
  t.write("etc/notes.xml");
  w->take(Clock::now());
  EXPECT_FALSE(w->deadline());
  t.write("etc/zones/mine.xml");
  w->discard();  // the daemon's own write
  w->take(Clock::now());
  EXPECT_FALSE(w->deadline());
}

TEST(ConfigWatcher, MissingDirectoriesAreSkipped) {
  auto w = ConfigWatcher::open({"/nonexistent/fwctl/lib", "/nonexistent/fwctl/etc"});
  ASSERT_TRUE(w);
  EXPECT_FALSE((*w)->deadline());
}

}  // namespace
}  // namespace fwctl::sys
