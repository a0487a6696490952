#include "sys/process.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <string>

namespace fwctl::sys {
namespace {

class PidFile : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/fwctl-pid-test.XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/firewalld.pid";
  }
  void TearDown() override {
    ::unlink(path_.c_str());
    ::rmdir(dir_.c_str());
  }
  void write(const std::string& text) { std::ofstream(path_) << text; }
  std::string dir_;
  std::string path_;
};

TEST_F(PidFile, WritesThisProcesssPidAndRemovesIt) {
  ASSERT_TRUE(write_pid_file(path_));
  std::ifstream in(path_);
  long pid = 0;
  in >> pid;
  EXPECT_EQ(pid, ::getpid());
  remove_pid_file(path_);
  EXPECT_NE(::access(path_.c_str(), F_OK), 0);
  remove_pid_file(path_);  // already gone: no error to report
}

TEST_F(PidFile, AnotherInstanceIsALiveOtherProcessOfTheSameProgram) {
  EXPECT_FALSE(another_instance_running(path_)) << "no pid file";
  write(std::to_string(::getpid()));
  EXPECT_FALSE(another_instance_running(path_)) << "this process itself";
  write("garbage");
  EXPECT_FALSE(another_instance_running(path_));

  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  pid_t twin = ::fork();  // the same program, waiting until the pipe closes
  ASSERT_GE(twin, 0);
  if (twin == 0) {
    char c;
    ::close(pipe_fds[1]);
    while (::read(pipe_fds[0], &c, 1) > 0) {
    }
    ::_exit(0);
  }
  ::close(pipe_fds[0]);
  write(std::to_string(twin));
  EXPECT_TRUE(another_instance_running(path_));
  ::close(pipe_fds[1]);
  ASSERT_EQ(::waitpid(twin, nullptr, 0), twin);
  EXPECT_FALSE(another_instance_running(path_)) << "a pid no longer in use";

  write("1");  // init (or the container's first process): a live process of another program
  EXPECT_FALSE(another_instance_running(path_));
}

}  // namespace
}  // namespace fwctl::sys
