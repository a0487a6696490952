#include "config/atomic_file.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "config/test_support.hpp"

namespace fwctl::config {
namespace {

using testing::read_text;
using testing::TempDir;

mode_t mode_of(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

TEST(AtomicFile, CreatesAFileAndItsDirectories) {
  TempDir dir;
  std::string path = dir.path() + "/etc/zones/a.xml";
  ASSERT_TRUE(save_file(path, "new"));
  EXPECT_EQ(read_text(path), "new");
  EXPECT_EQ(mode_of(dir.path() + "/etc/zones"), 0750u);
  EXPECT_FALSE(std::filesystem::exists(path + ".old"));
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST(AtomicFile, KeepsTheOldFileAndItsModeAndLeavesNoTemporaryFile) {
  TempDir dir;
  std::string path = dir.write("a.xml", "old");
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  ASSERT_TRUE(save_file(path, "new"));
  EXPECT_EQ(read_text(path), "new");
  EXPECT_EQ(read_text(path + ".old"), "old");
  EXPECT_EQ(mode_of(path), 0640u);
  EXPECT_EQ(mode_of(path + ".old"), 0640u);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST(AtomicFile, ReplacesAStaleTemporaryFile) {
  TempDir dir;
  std::string path = dir.path() + "/a.xml";
  dir.write("a.xml.tmp", "stale from a crash");
  ASSERT_TRUE(save_file(path, "new"));
  EXPECT_EQ(read_text(path), "new");
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
}

TEST(AtomicFile, ForcesAModeWhenAsked) {
  TempDir dir;
  std::string path = dir.write("firewalld.conf", "old");
  ASSERT_TRUE(save_file(path, "new", SaveOptions{0600, true}));
  EXPECT_EQ(mode_of(path), 0600u);
}

TEST(AtomicFile, FailsWithoutTouchingAnythingWhenTheDirectoryIsMissing) {
  TempDir dir;
  std::string path = dir.path() + "/missing/deeper/a.xml";
  Status s = save_file(path, "x", SaveOptions{std::nullopt, false});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, Code::COMMAND_FAILED);
}

TEST(AtomicFile, RemovesAnItemFileByRenamingItToOld) {
  TempDir dir;
  std::string path = dir.write("a.xml", "content");
  ASSERT_TRUE(remove_file_keeping_old(path));
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_EQ(read_text(path + ".old"), "content");
}

TEST(AtomicFile, ReadFileReportsTheMissingFile) {
  auto content = read_file("/nonexistent/fwctl/file");
  ASSERT_FALSE(content);
  EXPECT_EQ(content.error().code, Code::COMMAND_FAILED);
  EXPECT_NE(content.error().detail.find("/nonexistent/fwctl/file"), std::string::npos);
}

TEST(AtomicFile, ReadFileAtReadsRelativeToTheDirectoryAndNamesThePathInErrors) {
  TempDir dir;
  dir.write("sub/a.xml", "content");
  int fd = ::open((dir.path() + "/sub").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  auto content = read_file_at(fd, "a.xml", "/shown/a.xml");
  auto missing = read_file_at(fd, "b.xml", "/shown/b.xml");
  ::close(fd);
  ASSERT_TRUE(content);
  EXPECT_EQ(*content, "content");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().detail.find("'/shown/b.xml'"), std::string::npos);
}

}  // namespace
}  // namespace fwctl::config
