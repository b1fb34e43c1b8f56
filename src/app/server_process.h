#pragma once

// How other `trellis` commands find and signal a running server: it writes its process id to
// DATA_DIR/trellis.pid while it serves, and reloads its learning content on SIGHUP.

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <thread>

namespace trellis {

// The pid file of a server using this data folder.
std::string pid_file_path(const std::string& data_dir);

// Writes the pid file on construction and removes it on destruction.
class PidFile {
  public:
    explicit PidFile(std::string path);
    ~PidFile();
    PidFile(const PidFile&) = delete;
    PidFile& operator=(const PidFile&) = delete;

  private:
    std::string m_path;
};

// The process id of the server using this data folder, if one is running.
std::optional<int> running_server_pid(const std::string& data_dir);

// Calls `on_hangup` on its own thread each time the process receives SIGHUP. Construct it before
// any other thread starts, so that SIGHUP is blocked everywhere else and only arrives here.
class HangupListener {
  public:
    explicit HangupListener(std::function<void()> on_hangup);
    ~HangupListener();
    HangupListener(const HangupListener&) = delete;
    HangupListener& operator=(const HangupListener&) = delete;

  private:
    std::function<void()> m_on_hangup;
    std::atomic<bool> m_stopping = false;
    std::thread m_thread;
};

} // namespace trellis
