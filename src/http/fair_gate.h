#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>

namespace trellis::http {

// Lets a few requests do their work at once and admits the rest in the order they arrived.
// cpp-httplib gives each connection its own thread; with dozens of busy connections on two cores
// the scheduler picks among them unevenly and some requests wait far longer than the rest. In
// arrival order every request waits about as long as the others.
class FairGate {
  public:
    explicit FairGate(unsigned at_once) : m_at_once(at_once) {}

    // Holds a place for as long as it lives.
    class Pass {
      public:
        explicit Pass(FairGate& gate) : m_gate(gate) { m_gate.enter(); }
        ~Pass() { m_gate.leave(); }
        Pass(const Pass&) = delete;
        Pass& operator=(const Pass&) = delete;

      private:
        FairGate& m_gate;
    };

  private:
    struct Waiter {
        std::condition_variable admitted_signal;
        bool admitted = false;
    };

    void enter() {
        std::unique_lock lock(m_mutex);
        if (m_inside < m_at_once && m_waiting.empty()) {
            ++m_inside;
            return;
        }
        Waiter waiter;
        m_waiting.push_back(&waiter);
        waiter.admitted_signal.wait(lock, [&] { return waiter.admitted; });
    }
    // Hands the place straight to the longest waiter, waking only that one thread.
    void leave() {
        std::lock_guard lock(m_mutex);
        if (m_waiting.empty()) {
            --m_inside;
            return;
        }
        Waiter* next = m_waiting.front();
        m_waiting.pop_front();
        next->admitted = true;
        next->admitted_signal.notify_one();
    }

    const unsigned m_at_once;
    std::mutex m_mutex;
    unsigned m_inside = 0;
    std::deque<Waiter*> m_waiting;
};

} // namespace trellis::http
