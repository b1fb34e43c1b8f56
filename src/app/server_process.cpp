#include "app/server_process.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

namespace trellis {

std::string pid_file_path(const std::string& data_dir) {
    return (std::filesystem::path(data_dir) / "trellis.pid").string();
}

PidFile::PidFile(std::string path) : m_path(std::move(path)) {
    std::ofstream(m_path) << ::getpid() << "\n";
}

PidFile::~PidFile() {
    std::error_code ignored;
    std::filesystem::remove(m_path, ignored);
}

std::optional<int> running_server_pid(const std::string& data_dir) {
    std::ifstream file(pid_file_path(data_dir));
    int pid = 0;
    if (!(file >> pid) || pid <= 0)
        return std::nullopt;
    // A stale file may name a process that has since reused the id: only a running `trellis serve`
    // counts, as its command line says.
    std::ifstream command_line("/proc/" + std::to_string(pid) + "/cmdline");
    const std::string arguments((std::istreambuf_iterator<char>(command_line)),
                                std::istreambuf_iterator<char>());
    if (arguments.find("trellis") == std::string::npos ||
        arguments.find(std::string("serve")) == std::string::npos)
        return std::nullopt;
    return pid;
}

namespace {

sigset_t hangup_only() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGHUP);
    return set;
}

} // namespace

HangupListener::HangupListener(std::function<void()> on_hangup) : m_on_hangup(std::move(on_hangup)) {
    const sigset_t set = hangup_only();
    // Threads inherit the mask, so every thread started after this one leaves SIGHUP to sigwait.
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    m_thread = std::thread([this, set] {
        int signal = 0;
        while (sigwait(&set, &signal) == 0 && !m_stopping) {
            try {
                m_on_hangup();
            } catch (const std::exception& error) {
                spdlog::error("reload on SIGHUP failed: {}", error.what());
            }
        }
    });
}

HangupListener::~HangupListener() {
    m_stopping = true;
    pthread_kill(m_thread.native_handle(), SIGHUP);
    m_thread.join();
}

} // namespace trellis
